package com.clbsync.plan;

import java.util.ArrayList;
import java.util.List;

/** Splits a list into consecutive chunks of at most {@code size} (how many servers one call may carry is the adapter's to say). */
public final class Batches {
    private Batches() {
    }

    /** The calls {@code backends} backends take, at most {@code size} each. */
    public static int calls(int backends, int size) {
        return (backends + size - 1) / size;
    }

    public static <T> List<List<T>> of(List<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + size);
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return out;
    }
}
