package io.reasoner.launcher.platform;

import io.reasoner.launcher.LauncherException;
import io.reasoner.launcher.process.ChildProcess;

/** A service that died or never became ready during {@code up}; carries the process so its log can be shown. */
public final class ServiceStartException extends LauncherException {

    private final transient ChildProcess process;

    public ServiceStartException(ChildProcess process, String what) {
        super(process.name() + " (pid " + process.pid() + ") " + what);
        this.process = process;
    }

    public ChildProcess process() {
        return process;
    }
}
