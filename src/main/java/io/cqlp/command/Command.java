package io.cqlp.command;

/**
 * One statement as the shell understands it, produced by {@link CommandParser#parse(String)}.
 *
 * <p>Shell commands are immutable records of their own; everything else is a {@link CqlStatement}
 * sent to Cassandra as typed. A {@code switch} over this sealed type is checked for exhaustiveness
 * by the compiler.
 */
public sealed interface Command
    permits CopyTo,
        CopyFrom,
        Capture,
        Use,
        Consistency,
        Paging,
        Expand,
        Tracing,
        Source,
        Help,
        Exit,
        CqlStatement,
        Describe,
        Show,
        Login,
        History,
        Clear,
        DescribeFile,
        ShowFile,
        PendingUploads,
        Verify,
        CopyFileTo {}
