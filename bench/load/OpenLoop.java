/*
 * OpenLoop: a small open-loop HTTP/1.1 load generator for the Switchboard benchmarks.
 *
 * What it does
 *   C keep-alive connections (one thread each, raw java.net.Socket with TCP_NODELAY) send the
 *   same request at a fixed total rate R: first --warmup seconds (not recorded), then
 *   --duration seconds (recorded). Then it stops by itself and prints one result line.
 *
 * How it measures
 *   - Open loop: connection i sends its k-th request at the *intended* time
 *         t0 + (i + k*C) / R seconds
 *     (each connection every C/R seconds, the connections staggered so the aggregate is evenly
 *     spaced), however slow the previous response was. It parks until shortly before that time
 *     and spins the last few microseconds.
 *   - Latency = completion time - intended send time. A stall is thus charged to every request
 *     it delayed (coordinated-omission corrected, as in wrk2), not only to the one that hit it.
 *   - Latencies of ok responses go to a per-thread HdrHistogram (microseconds, 1 us..60 s,
 *     3 significant digits), merged at the end.
 *   - A response is ok when its status is 2xx and, with --expect TEXT, its body contains TEXT.
 *     Bodies are read by Content-Length or chunked transfer coding (SSE responses arrive
 *     chunked and are read to the terminating 0-chunk), or to EOF when neither is given.
 *   - "Connection: close" or a server close: the next request opens a new connection. A request
 *     that finds a reused connection already closed (no response byte at all) is retried once
 *     on a fresh one; any other failure is an error.
 *   - Bounded: no request is started after warmup+duration; one still in flight then gets at
 *     most 5 s more. Intended sends of the measured window that were never made because the
 *     connection fell behind are reported as missed=.
 *   - The request bytes are prebuilt. If the body contains {{seq}}, each request gets that
 *     replaced by a unique number instead (e.g. for JSON-RPC ids that must not repeat within
 *     an MCP session).
 *   - Only loopback targets are accepted.
 *
 * Output (stdout, one line):
 *   label=.. rate=.. connections=.. duration_s=.. sent=.. ok=.. errors=.. achieved_per_s=..
 *   p50_us=.. p90_us=.. p99_us=.. p999_us=.. max_us=.. missed=..
 * achieved_per_s = ok / (time from the end of warmup to the last measured completion,
 * at least duration). The first error's status and body excerpt go to stderr.
 *
 * Build and run (see README.md):
 *   javac --release 17 -Xlint:all -Werror -cp HdrHistogram-2.2.2.jar -d OUT OpenLoop.java
 *   java -cp OUT:HdrHistogram-2.2.2.jar OpenLoop --url http://127.0.0.1:8080/items/1 \
 *        --rate 2000 --connections 4 --duration 10 --warmup 3 --expect widget --label x
 */

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

public final class OpenLoop {
    static final long HIGHEST_US = 60_000_000L; // histogram range 1 us .. 60 s
    static final long GRACE_NS = 5_000_000_000L; // extra time for requests in flight at the end
    static final long SPIN_NS = 50_000L; // spin (instead of park) for the last 50 us
    static final int MAX_LINE = 64 * 1024;
    static final String SEQ = "{{seq}}";

    // ---- configuration, set once by parseArgs ----
    static String label = "openloop";
    static String method = "GET";
    static String url;
    static String host;
    static int port;
    static String target; // path + query
    static byte[] body; // null: no body
    static final List<String> headers = new ArrayList<>();
    static double rate;
    static int connections = 1;
    static double durationS;
    static double warmupS;
    static byte[] expect; // null: no body check
    static String histogramFile;

    // ---- request bytes ----
    static InetSocketAddress address;
    static byte[] prebuilt; // whole request, when the body has no {{seq}}
    static byte[] head; // request line + headers, without Content-Length and the blank line
    static String[] bodyParts; // body split around {{seq}}
    static final AtomicLong seq = new AtomicLong();

    static final AtomicReference<String> firstError = new AtomicReference<>();

    public static void main(String[] args) throws Exception {
        try {
            parseArgs(args);
            buildRequest();
        } catch (IllegalArgumentException e) {
            System.err.println("OpenLoop: " + e.getMessage());
            System.err.println(
                "usage: OpenLoop --url http://127.0.0.1:PORT/path [--method GET|POST]"
                    + " [--body-file F] [--header 'Name: value']... --rate N [--connections C]"
                    + " --duration S [--warmup S] [--expect TEXT] [--label NAME]"
                    + " [--histogram-file F]");
            System.exit(2);
        }

        double intervalNs = 1e9 * connections / rate; // per-connection interval
        long t0 = System.nanoTime() + 200_000_000L; // time for the threads to connect
        long measureFrom = t0 + (long) (warmupS * 1e9);
        long stopSend = measureFrom + (long) (durationS * 1e9);
        long hardStop = stopSend + GRACE_NS;

        Worker[] workers = new Worker[connections];
        Thread[] threads = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            long first = t0 + (long) (i * intervalNs / connections); // staggered
            workers[i] = new Worker(first, intervalNs, measureFrom, stopSend, hardStop);
            threads[i] = new Thread(workers[i], "openloop-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        // Workers stop by themselves by hardStop; should one still hang (e.g. in a write),
        // close its socket and give it a last second.
        for (int i = 0; i < connections; i++) {
            threads[i].join(Math.max(1, (hardStop - System.nanoTime()) / 1_000_000L + 1000));
            if (threads[i].isAlive()) {
                workers[i].close();
                threads[i].join(1000);
            }
        }

        Histogram all = new Histogram(1, HIGHEST_US, 3);
        long sent = 0, ok = 0, errors = 0, missed = 0, lastDone = stopSend;
        for (Worker w : workers) {
            all.add(w.histogram);
            sent += w.sent;
            ok += w.ok;
            errors += w.errors;
            missed += w.missed;
            lastDone = Math.max(lastDone, w.lastDone);
        }
        double windowS = (lastDone - measureFrom) / 1e9;
        boolean any = all.getTotalCount() > 0;
        System.out.println(String.format(Locale.ROOT,
            "label=%s rate=%s connections=%d duration_s=%s sent=%d ok=%d errors=%d"
                + " achieved_per_s=%.1f p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d"
                + " missed=%d",
            label, num(rate), connections, num(durationS), sent, ok, errors, ok / windowS,
            any ? all.getValueAtPercentile(50) : 0, any ? all.getValueAtPercentile(90) : 0,
            any ? all.getValueAtPercentile(99) : 0, any ? all.getValueAtPercentile(99.9) : 0,
            any ? all.getMaxValue() : 0, missed));

        if (histogramFile != null) {
            try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(histogramFile)),
                     false, StandardCharsets.UTF_8)) {
                all.outputPercentileDistribution(out, 1.0); // values are already in us
            }
        }
        if (firstError.get() != null) {
            System.err.println("OpenLoop: " + errors + " errors; first: " + firstError.get());
        }
        if (missed > 0) {
            System.err.println("OpenLoop: " + missed + " intended requests were never sent"
                + " (target or generator could not keep up with the rate)");
        }
    }

    /** One keep-alive connection with its own schedule, counters and histogram. */
    static final class Worker implements Runnable {
        final long first;
        final double intervalNs;
        final long measureFrom;
        final long stopSend;
        final long hardStop;
        final Histogram histogram = new Histogram(1, HIGHEST_US, 3);
        long sent, ok, errors, missed, lastDone;

        volatile Socket socket;
        InputStream in;
        OutputStream out;
        boolean reused; // a response was already read on this socket
        boolean gotBytes; // some byte of the current response arrived
        final byte[] buf = new byte[64 * 1024];
        int pos, lim;
        byte[] line = new byte[256];
        byte[] bodyBuf = new byte[16 * 1024];
        int bodyLen;

        Worker(long first, double intervalNs, long measureFrom, long stopSend, long hardStop) {
            this.first = first;
            this.intervalNs = intervalNs;
            this.measureFrom = measureFrom;
            this.stopSend = stopSend;
            this.hardStop = hardStop;
        }

        @Override
        public void run() {
            try {
                connect(); // ahead of the schedule; a failure is retried by the first request
            } catch (IOException e) {
                close();
            }
            for (long k = 0; ; k++) {
                long intended = first + (long) (k * intervalNs);
                if (intended >= stopSend) {
                    break;
                }
                waitUntil(intended);
                if (System.nanoTime() >= stopSend) {
                    // Fell behind: the rest of the schedule is not sent; count what was measured.
                    for (long j = k; ; j++) {
                        long t = first + (long) (j * intervalNs);
                        if (t >= stopSend) {
                            break;
                        }
                        if (t >= measureFrom) {
                            missed++;
                        }
                    }
                    break;
                }
                String error = exchange();
                long done = System.nanoTime();
                if (intended >= measureFrom) {
                    sent++;
                    lastDone = done;
                    if (error == null) {
                        ok++;
                        long us = (done - intended) / 1000;
                        histogram.recordValue(Math.max(1, Math.min(HIGHEST_US, us)));
                    } else {
                        errors++;
                        firstError.compareAndSet(null, error);
                    }
                }
            }
            close();
        }

        static void waitUntil(long when) {
            for (long left; (left = when - System.nanoTime()) > 0; ) {
                if (left > SPIN_NS) {
                    LockSupport.parkNanos(left - SPIN_NS);
                } else {
                    Thread.onSpinWait();
                }
            }
        }

        /** Sends one request and reads its response; returns null when ok, else a description. */
        String exchange() {
            byte[] request = requestBytes();
            for (int attempt = 0; ; attempt++) {
                boolean fresh = socket == null;
                gotBytes = false;
                try {
                    if (fresh) {
                        connect();
                    }
                    socket.setSoTimeout(timeoutMs());
                    out.write(request);
                    out.flush();
                    return readResponse();
                } catch (IOException e) {
                    close();
                    boolean stale = !fresh && !gotBytes && !(e instanceof SocketTimeoutException);
                    if (attempt == 0 && stale) {
                        continue; // the server had closed the idle keep-alive connection
                    }
                    return "io: " + e;
                }
            }
        }

        int timeoutMs() {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                (hardStop - System.nanoTime()) / 1_000_000L));
        }

        void connect() throws IOException {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(address, timeoutMs());
                in = s.getInputStream();
                out = s.getOutputStream();
            } catch (IOException e) {
                s.close();
                throw e;
            }
            socket = s;
            reused = false;
            pos = lim = 0;
        }

        void close() {
            Socket s = socket;
            socket = null;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }

        String readResponse() throws IOException {
            int status;
            long contentLength;
            boolean chunked, close;
            do { // skip 1xx interim responses
                String statusLine = readLine();
                if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                    throw new IOException("bad status line: " + excerpt(statusLine));
                }
                status = Integer.parseInt(statusLine.substring(9, 12));
                close = statusLine.startsWith("HTTP/1.0"); // 1.0 closes unless keep-alive
                contentLength = -1;
                chunked = false;
                for (String h; !(h = readLine()).isEmpty(); ) {
                    int colon = h.indexOf(':');
                    if (colon <= 0) {
                        continue;
                    }
                    String name = h.substring(0, colon).trim();
                    String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                    if (name.equalsIgnoreCase("content-length")) {
                        contentLength = Long.parseLong(value);
                    } else if (name.equalsIgnoreCase("transfer-encoding")) {
                        chunked = value.contains("chunked");
                    } else if (name.equalsIgnoreCase("connection")) {
                        close = value.contains("close") || (close && !value.contains("keep-alive"));
                    }
                }
            } while (status >= 100 && status < 200);

            bodyLen = 0;
            if (status == 204 || status == 304) {
                // no body
            } else if (chunked) {
                readChunked();
            } else if (contentLength >= 0) {
                readFixed(contentLength);
            } else {
                readToEof();
                close = true;
            }
            if (close) {
                close();
            } else {
                reused = true;
            }

            if (status / 100 == 2 && (expect == null || indexOf(bodyBuf, bodyLen, expect) >= 0)) {
                return null;
            }
            return "status=" + status + " body="
                + excerpt(new String(bodyBuf, 0, Math.min(bodyLen, 800), StandardCharsets.UTF_8));
        }

        void readChunked() throws IOException {
            while (true) {
                String sizeLine = readLine();
                int semi = sizeLine.indexOf(';'); // chunk extensions
                long size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine)
                    .trim(), 16);
                if (size == 0) {
                    while (!readLine().isEmpty()) {
                        // trailer fields, ignored
                    }
                    return;
                }
                readFixed(size);
                if (!readLine().isEmpty()) {
                    throw new IOException("chunk not followed by CRLF");
                }
            }
        }

        void readFixed(long n) throws IOException {
            while (n > 0) {
                if (pos == lim) {
                    fill();
                }
                int k = (int) Math.min(n, lim - pos);
                appendBody(pos, k);
                pos += k;
                n -= k;
            }
        }

        void readToEof() throws IOException {
            while (true) {
                if (pos == lim) {
                    int n = in.read(buf, 0, buf.length);
                    if (n < 0) {
                        return;
                    }
                    pos = 0;
                    lim = n;
                }
                appendBody(pos, lim - pos);
                pos = lim;
            }
        }

        void appendBody(int from, int n) {
            if (bodyLen + n > bodyBuf.length) {
                bodyBuf = Arrays.copyOf(bodyBuf, Math.max(bodyBuf.length * 2, bodyLen + n));
            }
            System.arraycopy(buf, from, bodyBuf, bodyLen, n);
            bodyLen += n;
        }

        /** One CRLF- (or LF-) terminated line, without the terminator, as ISO-8859-1. */
        String readLine() throws IOException {
            int n = 0;
            while (true) {
                if (pos == lim) {
                    fill();
                }
                byte b = buf[pos++];
                if (b == '\n') {
                    break;
                }
                if (n == line.length) {
                    if (n >= MAX_LINE) {
                        throw new IOException("line longer than " + MAX_LINE + " bytes");
                    }
                    line = Arrays.copyOf(line, n * 2);
                }
                line[n++] = b;
            }
            if (n > 0 && line[n - 1] == '\r') {
                n--;
            }
            return new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }

        void fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                throw new EOFException("connection closed by server");
            }
            pos = 0;
            lim = n;
            gotBytes = true;
        }
    }

    static byte[] requestBytes() {
        if (prebuilt != null) {
            return prebuilt;
        }
        String n = Long.toString(seq.incrementAndGet());
        return withBody(String.join(n, bodyParts).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] withBody(byte[] b) {
        byte[] cl = ("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] r = Arrays.copyOf(head, head.length + cl.length + b.length);
        System.arraycopy(cl, 0, r, head.length, cl.length);
        System.arraycopy(b, 0, r, head.length + cl.length, b.length);
        return r;
    }

    static void buildRequest() {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(host).append(':').append(port).append("\r\n");
        boolean hasContentType = false;
        for (String h : headers) {
            sb.append(h).append("\r\n");
            hasContentType |= h.toLowerCase(Locale.ROOT).startsWith("content-type:");
        }
        if (body != null && !hasContentType) {
            sb.append("Content-Type: application/json\r\n");
        }
        head = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (body == null && method.equals("GET")) {
            prebuilt = Arrays.copyOf(head, head.length + 2);
            prebuilt[head.length] = '\r';
            prebuilt[head.length + 1] = '\n';
            return;
        }
        byte[] b = body == null ? new byte[0] : body;
        String text = new String(b, StandardCharsets.UTF_8);
        if (text.contains(SEQ)) {
            bodyParts = text.split(java.util.regex.Pattern.quote(SEQ), -1);
        } else {
            prebuilt = withBody(b);
        }
    }

    static void parseArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String v = args[++i];
            switch (flag) {
                case "--url": url = v; break;
                case "--method": method = v.toUpperCase(Locale.ROOT); break;
                case "--body-file":
                    try {
                        body = Files.readAllBytes(Path.of(v));
                    } catch (IOException e) {
                        throw new IllegalArgumentException("cannot read " + v + ": " + e);
                    }
                    break;
                case "--header":
                    if (v.indexOf(':') <= 0 || v.contains("\r") || v.contains("\n")) {
                        throw new IllegalArgumentException("bad header: " + v);
                    }
                    headers.add(v.trim());
                    break;
                case "--rate": rate = Double.parseDouble(v); break;
                case "--connections": connections = Integer.parseInt(v); break;
                case "--duration": durationS = Double.parseDouble(v); break;
                case "--warmup": warmupS = Double.parseDouble(v); break;
                case "--expect": expect = v.getBytes(StandardCharsets.UTF_8); break;
                case "--label": label = v; break;
                case "--histogram-file": histogramFile = v; break;
                default: throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (url == null || !(rate > 0) || !(durationS > 0) || connections < 1 || warmupS < 0) {
            throw new IllegalArgumentException("need --url, --rate > 0, --duration > 0,"
                + " --connections >= 1, --warmup >= 0");
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("--method must be GET or POST");
        }
        URI u = URI.create(url);
        if (!"http".equals(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException("--url must be http://host:port/path");
        }
        host = u.getHost();
        port = u.getPort() < 0 ? 80 : u.getPort();
        target = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
            + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        try {
            InetAddress a = InetAddress.getByName(host);
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("only loopback targets are allowed: " + host);
            }
            address = new InetSocketAddress(a, port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host);
        }
    }

    static int indexOf(byte[] hay, int len, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= len; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String excerpt(String s) {
        String flat = s.replace('\r', ' ').replace('\n', ' ');
        return flat.length() <= 200 ? flat : flat.substring(0, 200);
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
