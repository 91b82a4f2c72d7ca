package com.clbsync.fc;

import com.google.gson.JsonElement;

/**
 * One shape of event the function accepts: the timer's, ACK's through EventBridge, the Log Service
 * trigger's, or a manual one. {@link EventParser} asks each in turn whether the event is of its shape,
 * and the first that is reads it.
 */
interface EventShape {
    /** Whether the event has this shape's distinguishing fields. */
    boolean matches(JsonElement root);

    /**
     * What the event asks for.
     *
     * @param action the event's {@code "action"}, already read
     */
    Trigger read(JsonElement root, EventAction action) throws EventException;
}
