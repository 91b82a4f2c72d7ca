package com.clbsync.fc;

import com.clbsync.config.SyncConfig;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the event that woke the function into a {@link Trigger}: parses the JSON once, reads its
 * {@code action} once ({@link EventAction}), and hands it to the first {@link EventShape} it has: the
 * timer's, ACK's through EventBridge, the Log Service trigger's, or a manual one.
 */
public final class EventParser {
    public static final String ACCEPTED = "accepted events: a timer trigger {\"triggerTime\",\"triggerName\",\"payload\"};"
            + " an EventBridge event from ACK (source \"acs.cs\"; one CloudEvent, a batch array, or RawData: the data only);"
            + " a Log Service trigger {\"source\":{\"projectName\",\"logstoreName\",\"shardId\",\"beginCursor\",\"endCursor\"}};"
            + " a manual event {\"action\":\"plan\"|\"apply\"|\"check\",\"clusters\":[names],\"services\":[\"namespace/name\"]}";

    private final List<EventShape> shapes;

    public EventParser(SyncConfig config) {
        this.shapes = List.of(new TimerEvent(), new AckEvents(config), new SlsTriggerEvent(config), new ManualEvent(config));
    }

    /** The trigger an event is; a Log Service event names its cursor range, which {@link AuditLogScope} narrows. */
    public Trigger parse(byte[] event) throws EventException {
        return parse(event, false);
    }

    /** As {@link #parse(byte[])}; with {@code plan}, planned whatever its action says ({@code invoke --plan}). */
    public Trigger parse(byte[] event, boolean plan) throws EventException {
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(event, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new EventException("the event is not JSON; " + ACCEPTED);
        }
        if (!root.isJsonArray() && !root.isJsonObject()) {
            throw new EventException("the event is not a JSON object or array; " + ACCEPTED);
        }
        EventAction action = plan ? EventAction.PLAN : EventAction.of(root);
        EventShape shape = shapes.stream().filter(s -> s.matches(root)).findFirst()
                .orElseThrow(() -> new EventException("the event has no accepted shape; " + ACCEPTED));
        boolean manual = shape instanceof ManualEvent;
        if (action == EventAction.CHECK && !manual) {
            throw new EventException("action \"check\" must be \"plan\" or \"apply\" outside a manual event");
        }
        Trigger trigger;
        try {
            trigger = shape.read(root, action);
        } catch (RuntimeException e) {
            throw new EventException("the event could not be read (" + e.getClass().getSimpleName() + "); " + ACCEPTED);
        }
        return action == EventAction.PLAN && !manual ? trigger.asPlan() : trigger;
    }
}
