package dev.signet.radius.adapter;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One UDP socket (authentication or accounting): a thread receives datagrams and hands each to a
 * bounded pool of workers, which decide and answer. When every worker is busy and the queue is
 * full, a datagram is dropped and counted (the client retransmits), so a slow decision or a
 * flood delays no answer already being worked on and costs no unbounded memory.
 */
final class RadiusListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RadiusListener.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final DatagramSocket socket;
    private final RequestHandler.Port port;
    private final RequestHandler handler;
    private final ThreadPoolExecutor workers;
    private final EventCounts events;
    private final Thread receiver;
    private volatile boolean open = true;

    RadiusListener(InetSocketAddress bind, RequestHandler.Port port, RequestHandler handler, ThreadPoolExecutor workers, EventCounts events)
            throws SocketException {
        this.socket = new DatagramSocket(bind);
        // a burst of requests waits in the kernel rather than being lost before a worker is free
        this.socket.setReceiveBufferSize(4 * 1024 * 1024);
        this.port = port;
        this.handler = handler;
        this.workers = workers;
        this.events = events;
        this.receiver = new Thread(this::receive, "signet-radius-" + port.name().toLowerCase() + "-" + THREADS.incrementAndGet());
        this.receiver.setDaemon(true);
        this.receiver.start();
    }

    /** A pool of {@code size} workers with room for {@code queue} waiting datagrams. */
    static ThreadPoolExecutor workers(int size, int queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "signet-radius-worker-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    int port() {
        return socket.getLocalPort();
    }

    private void receive() {
        byte[] buffer = new byte[RadiusPacket.MAX_LENGTH + 1];
        while (open) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
            } catch (IOException e) {
                if (open) {
                    LOG.log(Level.FINE, "RADIUS receive failed", e);
                }
                continue;
            }
            byte[] copy = java.util.Arrays.copyOf(buffer, datagram.getLength());
            InetSocketAddress from = (InetSocketAddress) datagram.getSocketAddress();
            try {
                workers.execute(() -> answer(copy, from));
            } catch (RejectedExecutionException e) {
                events.add(dev.signet.adapter.radius.RadiusEvent.DROP_OVERLOAD);
            }
        }
    }

    private void answer(byte[] octets, InetSocketAddress from) {
        Optional<byte[]> reply;
        try {
            reply = handler.handle(octets, octets.length, from, port);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a RADIUS datagram from " + from + " could not be handled", e);
            events.add(dev.signet.adapter.radius.RadiusEvent.DROP_FAILED);
            return;
        }
        if (reply.isPresent()) {
            try {
                socket.send(new DatagramPacket(reply.get(), reply.get().length, from));
            } catch (IOException e) {
                LOG.log(Level.FINE, "RADIUS answer to " + from + " not sent", e);
            }
        }
    }

    @Override
    public void close() {
        open = false;
        socket.close();
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
