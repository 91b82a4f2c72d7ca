package com.clbsync.emulator;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.BackendType;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The emulator's reading of a {@code BackendServers} parameter, with the CLB's rules ({@link WireTypes}). */
final class BackendServersParam {

    private BackendServersParam() {
    }

    /** Parses and validates {@code BackendServers} as the CLB does. */
    static List<Backend> parse(Map<String, String> p, boolean withSettings) throws ApiError {
        JsonArray array;
        try {
            JsonElement e = JsonParser.parseString(p.getOrDefault("BackendServers", ""));
            array = e.getAsJsonArray();
        } catch (RuntimeException e) {
            throw new ApiError(400, "InvalidParameter", "BackendServers is not a JSON array.");
        }
        if (array.size() < 1 || array.size() > 20) {
            throw new ApiError(400, "InvalidParameter", "BackendServers must hold 1 to 20 servers, not " + array.size() + ".");
        }
        List<Backend> out = new ArrayList<>();
        Set<BackendKey> seen = new HashSet<>();
        for (JsonElement e : array) {
            JsonObject o = e.getAsJsonObject();
            String serverId = text(o, "ServerId");
            if (serverId.isEmpty()) {
                throw new ApiError(400, "InvalidParameter", "ServerId is mandatory.");
            }
            int port = number(o, "Port", -1);
            if (port < 1 || port > 65535) {
                throw new ApiError(400, "InvalidParameter", "Port must be 1..65535.");
            }
            String wireType = text(o, "Type");
            BackendType type = WireTypes.type(wireType);
            if (type == null) {
                throw new ApiError(400, "InvalidParameter", "Type must be ecs, eni or eci.");
            }
            String ip = text(o, "ServerIp");
            boolean withIp = WireTypes.needsIp(wireType);
            if (withIp && ip.isEmpty()) {
                throw new ApiError(400, "InvalidParameter", "ServerIp is mandatory for " + wireType + " backends.");
            }
            int weight = withSettings ? number(o, "Weight", 100) : 100;
            if (weight < 0 || weight > 100) {
                throw new ApiError(400, "InvalidParameter", "Weight must be 0..100.");
            }
            String description = withSettings ? text(o, "Description") : "";
            if (!WireTypes.DESCRIPTION.matcher(description).matches()) {
                throw new ApiError(400, "InvalidParameter", "Description must be at most 80 letters, digits, '-', '/', '.' or '_'.");
            }
            Backend b = Backend.of(BackendKey.of(serverId, port, withIp ? ip : ""), type, weight, description);
            if (!seen.add(b.key())) {
                throw new ApiError(400, "InvalidParameter", "BackendServers lists " + b.key() + " twice.");
            }
            out.add(b);
        }
        return out;
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : "";
    }

    private static int number(JsonObject o, String field, int dflt) throws ApiError {
        String t = text(o, field);
        if (t.isEmpty()) {
            return dflt;
        }
        if (!t.matches("-?\\d{1,9}")) {
            throw new ApiError(400, "InvalidParameter", field + " must be an integer.");
        }
        return Integer.parseInt(t);
    }
}
