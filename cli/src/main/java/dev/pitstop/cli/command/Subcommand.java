package dev.pitstop.cli.command;

import picocli.CommandLine.Model.CommandSpec;

/**
 * One {@code pitstop} subcommand: its picocli model and, as the model's user object, its work.
 *
 * <p>The models are built with picocli's programmatic API rather than annotations: reading annotations
 * makes the JDK generate a proxy class per annotation type at run time, which CDS cannot archive and which
 * cost {@code pitstop ps} about as much as everything else it does together.
 */
public interface Subcommand {
    CommandSpec spec();
}
