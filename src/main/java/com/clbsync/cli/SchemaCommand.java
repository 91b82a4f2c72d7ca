package com.clbsync.cli;

import com.clbsync.config.ConfigLoader;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code schema}: the configuration's JSON Schema, as {@code src/deploy/clb-sync.schema.json} holds it. */
@Command(mixinStandardHelpOptions = true, description = "Prints the JSON Schema of clb-sync.yaml (draft-07), for editors"
        + " to validate and complete the file: src/deploy/clb-sync.schema.json is this output.")
final class SchemaCommand implements Callable<Integer> {
    private final PrintWriter out;

    SchemaCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        out.print(ConfigLoader.jsonSchema());
        out.flush();
        return 0;
    }
}
