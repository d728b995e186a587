package io.reasoner.engine.decode;

/** A nanosecond time source, injected so tests can control the timings the loop reports. */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin; only differences are meaningful. */
    long read();

    static Ticker system() {
        return System::nanoTime;
    }
}
