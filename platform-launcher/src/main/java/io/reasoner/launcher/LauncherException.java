package io.reasoner.launcher;

/**
 * A failure the user can act on. {@link ReasonerCli} prints its message as is (no stack trace) and exits 1,
 * so the message must say what went wrong and, where there is one, what to do about it.
 */
public class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
