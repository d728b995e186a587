package io.reasoner.launcher.broker;

import io.reasoner.launcher.LauncherException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free-port lookup and in-use checks on the loopback address, where every local service listens. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /**
     * A port that was free a moment ago. Another process may take it before the caller binds it; on a test
     * machine that race is rare enough, and the broker's start then fails with the port in its log.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }

    /** Fails with a message naming the port and its purpose when something already listens there. */
    public static void requireFree(int port, String purpose) {
        try (ServerSocket socket = new ServerSocket()) {
            // SO_REUSEADDR so connections in TIME_WAIT from a run just stopped do not count as "in use";
            // a live listener (on 127.0.0.1 or 0.0.0.0) still makes the bind fail.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (BindException e) {
            throw new LauncherException("port " + port + " (" + purpose + ") on 127.0.0.1 is already in use;"
                    + " is the platform already running? (./reasoner down stops it)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check port " + port, e);
        }
    }
}
