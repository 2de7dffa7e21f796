package org.openjxc.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough SMTP on loopback to receive the e-mails the application sends in tests: it accepts
 * every command and keeps each message's envelope recipient and data.
 */
public final class FakeSmtpServer implements AutoCloseable {

    /** The port the test context's mail settings point at. */
    public static final int PORT = 25251;

    /** A message received: to whom, and its headers and body as sent. */
    public record Mail(String to, String data) {}

    private final ServerSocket socket;
    private final List<Mail> received = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public FakeSmtpServer() throws IOException {
        socket = new ServerSocket(PORT, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public List<Mail> received() {
        return received;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                talk(client);
            } catch (IOException e) {
                // closed, or the client went away: wait for the next one
            }
        }
    }

    private void talk(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        var out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8), true);
        out.print("220 fake ESMTP\r\n");
        out.flush();
        String to = null;
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(java.util.Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                out.print("250 fake\r\n");
            } else if (command.startsWith("RCPT TO:")) {
                to = line.substring(8).replaceAll("[<> ]", "");
                out.print("250 OK\r\n");
            } else if (command.startsWith("DATA")) {
                out.print("354 go ahead\r\n");
                out.flush();
                StringBuilder data = new StringBuilder();
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    data.append(line).append('\n');
                }
                received.add(new Mail(to, data.toString()));
                out.print("250 OK\r\n");
            } else if (command.startsWith("QUIT")) {
                out.print("221 bye\r\n");
                out.flush();
                return;
            } else {
                out.print("250 OK\r\n");
            }
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
