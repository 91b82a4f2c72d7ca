package com.clbsync.plan;

/** A Service annotation (or the Service field it refers to) that clb-sync cannot act on. */
public final class AnnotationException extends Exception {
    private final String field;

    public AnnotationException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The annotation key or Service field at fault. */
    public String field() { return field; }
}
