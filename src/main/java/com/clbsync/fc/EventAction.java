package com.clbsync.fc;

import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code "action"} an event carries, in any shape: {@code plan} (try an event without applying it;
 * a batch only when every element says so), {@code apply}, or {@code check} (a manual preflight). Read
 * once, by {@link EventParser}.
 */
public enum EventAction {
    /** No action named: the trigger's own (apply). */
    NONE,
    PLAN,
    APPLY,
    CHECK;

    /** The action of an event (a batch: PLAN when every element says plan, else NONE); a bad value is an error. */
    static EventAction of(JsonElement root) throws EventException {
        List<JsonElement> all = new ArrayList<>();
        if (root.isJsonArray()) {
            root.getAsJsonArray().forEach(all::add);
        } else {
            all.add(root);
        }
        List<EventAction> named = new ArrayList<>();
        for (JsonElement e : all) {
            Optional<String> action = e.isJsonObject() ? JsonFields.string(e.getAsJsonObject(), "action") : Optional.empty();
            named.add(action.isEmpty() ? NONE : parse(action.get()));
        }
        if (root.isJsonArray()) {
            boolean plan = !named.isEmpty() && named.stream().allMatch(a -> a == PLAN);
            if (named.contains(CHECK)) {
                throw new EventException("action \"check\" must be \"plan\" or \"apply\" in a batch");
            }
            return plan ? PLAN : NONE;
        }
        return named.get(0);
    }

    private static EventAction parse(String value) throws EventException {
        switch (value) {
            case "plan":
                return PLAN;
            case "apply":
                return APPLY;
            case "check":
                return CHECK;
            default:
                throw new EventException("action \"" + value + "\" must be \"plan\" or \"apply\" (or \"check\" in a manual"
                        + " event)");
        }
    }
}
