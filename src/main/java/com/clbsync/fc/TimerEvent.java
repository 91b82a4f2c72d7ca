package com.clbsync.fc;

import com.clbsync.sync.SyncScope;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;

/** A timer trigger's event {@code {"triggerTime", "triggerName", "payload"}}: everything is reconciled. */
final class TimerEvent implements EventShape {
    @Override
    public boolean matches(JsonElement root) {
        return root.isJsonObject() && root.getAsJsonObject().has("triggerTime") && root.getAsJsonObject().has("triggerName");
    }

    @Override
    public Trigger read(JsonElement root, EventAction action) {
        JsonObject o = root.getAsJsonObject();
        return Trigger.of(TriggerKind.TIMER, true, SyncScope.full(),
                List.of("timer " + JsonFields.string(o, "triggerName").orElse(""))).at(JsonFields.time(o, "triggerTime").orElse(null));
    }
}
