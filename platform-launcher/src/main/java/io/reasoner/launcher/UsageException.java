package io.reasoner.launcher;

/** The command line itself is wrong; the CLI prints the message and the usage, and exits 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
