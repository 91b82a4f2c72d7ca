package com.clbsync.kube;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.LongAdder;

/** An answer's body, counting the bytes read from it (what a read costs the API server and the network). */
final class Counted extends FilterInputStream {
    private final LongAdder bytes;

    Counted(InputStream in, LongAdder bytes) {
        super(in);
        this.bytes = bytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bytes.increment();
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            bytes.add(n);
        }
        return n;
    }
}
