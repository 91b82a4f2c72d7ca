package com.clbsync.plan;

import java.util.ArrayList;
import java.util.List;

/** Splits a list into consecutive chunks of at most {@code size}: the CLB takes at most 20 backends per call. */
public final class Batches {
    /** The CLB's limit of backends per Add/Remove/Set call. */
    public static final int CLB_MAX = 20;

    private Batches() {
    }

    /** The calls {@code backends} backends take, at most {@link #CLB_MAX} each. */
    public static int calls(int backends) {
        return (backends + CLB_MAX - 1) / CLB_MAX;
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
