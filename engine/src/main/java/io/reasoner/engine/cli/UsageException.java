package io.reasoner.engine.cli;

/** The command line is wrong; the message says how, and the command exits with status 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
