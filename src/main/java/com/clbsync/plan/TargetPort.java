package com.clbsync.plan;

import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.ServicePort;
import com.google.auto.value.AutoValue;

import java.util.Optional;

/**
 * A Service port's {@code targetPort}: a number, or the name of a container port. A named target port
 * counts only the EndpointSlices that carry a port of that name, and its number is the one the slice
 * gives (what an ENI backend listens on); a numeric one counts every slice.
 */
@AutoValue
public abstract class TargetPort {
    abstract String value();

    /** The port's targetPort, or its port when none is given (as the API server defaults it). */
    public static TargetPort of(ServicePort port) {
        String t = port.targetPort();
        return new AutoValue_TargetPort(t == null || t.isBlank() ? Integer.toString(port.port()) : t.trim());
    }

    public boolean named() { return !value().chars().allMatch(Character::isDigit); }

    /** The port number the slice's endpoints serve this target on, or empty when the slice does not count for it. */
    public Optional<Integer> numberIn(KubeEndpointSlice slice) {
        return named() ? slice.port(value()) : Optional.of(Integer.parseInt(value()));
    }

    @Override public String toString() { return value(); }
}
