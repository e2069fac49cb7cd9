package chainrule.repl;

import java.io.IOException;

/** Where the REPL's statements come from: a terminal with line editing, or plain lines (a pipe, a file). */
public sealed interface Input extends AutoCloseable permits PlainInput, TerminalInput {

    /** The next statement, over several lines while a bracket is open; "" for nothing; null at the end. */
    String next() throws IOException;

    /** The line of the session the last statement began on, counting from 1. */
    int line();

    /** The name of the input in messages: {@code <stdin>:14:9} when piped, {@code repl:14:9} at a terminal. */
    String name();

    /** Whether a person types the statements (then the REPL greets, and exits 0 whatever happened). */
    boolean interactive();

    @Override
    default void close() throws IOException {}
}
