package io.reasoner.launcher.process;

/** How a stop request ended. */
public enum StopOutcome {
    /** The process had exited before it was asked to stop. */
    ALREADY_EXITED,
    /** It exited within the grace period after a polite request (SIGTERM). */
    STOPPED,
    /** It outlived the grace period and was killed (SIGKILL). */
    KILLED
}
