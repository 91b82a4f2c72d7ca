package com.clbsync.cli;

import com.clbsync.config.ConfigException;
import com.clbsync.config.ConfigLoader;
import com.clbsync.config.SyncConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --config FILE}, the same in every command that reads the configuration; mixed in with {@code @Mixin}. */
final class ConfigOption {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Configuration file (YAML or JSON).")
    Path file;

    /** The configuration, read and validated once; every bad field named in the exception. */
    SyncConfig load() throws ConfigException {
        return ConfigLoader.load(file);
    }
}
