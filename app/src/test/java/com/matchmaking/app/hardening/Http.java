package com.matchmaking.app.hardening;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain HTTP against the running backend, for what a GraphQL client hides: status codes, headers, bodies that are
 * not GraphQL requests, and (through a raw socket) requests whose body is declared but never sent in full.
 */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    Http(int port) {
        this.port = port;
    }

    /** A response: status, headers with lower-case names, body as text. */
    record Response(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : String.join(", ", values);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return JSON.readValue(body, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) json().get("errors");
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response postJson(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A GraphQL request, anonymous. */
    Response graphQl(String document) {
        return postJson("/graphql", graphQlBody(document));
    }

    /** A GraphQL request with a login token. */
    Response graphQl(String document, String token) {
        return send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(graphQlBody(document))));
    }

    /** A GraphQL request with a login token, in {@code language} ({@code Accept-Language}) instead of English. */
    Response graphQl(String document, String token, String language) {
        return send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(graphQlBody(document))), language);
    }

    /** The same body sent chunked, without a Content-Length. */
    Response postJsonChunked(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
    }

    /** A GraphQL request body: the document (and nothing else) as JSON. */
    static String graphQlBody(String document) {
        return json(Map.of("query", document));
    }

    /** A GraphQL request body naming the operation to run. */
    static String graphQlBody(String document, String operationName) {
        return json(Map.of("query", document, "operationName", operationName));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #graphQlBody} padded with JSON whitespace to exactly {@code bytes} bytes. */
    static String graphQlBodyOfSize(String document, int bytes) {
        String body = graphQlBody(document);
        int missing = bytes - body.getBytes(StandardCharsets.UTF_8).length;
        if (missing < 0) {
            throw new IllegalArgumentException("The document alone is larger than " + bytes + " bytes");
        }
        return body.substring(0, body.length() - 1) + " ".repeat(missing) + "}";
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Response send(HttpRequest.Builder request) {
        // English messages, as every test reads them (support/Api does the same); Chinese is the default.
        return send(request, "en");
    }

    private Response send(HttpRequest.Builder request, String language) {
        try {
            HttpResponse<String> response = client.send(request.header("Accept-Language", language)
                            .timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new Response(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code head} (request line and headers, ending with the blank line) and {@code bodyStart}, keeps the
     * connection open without sending anything more, and reads the response: the server must answer without waiting
     * for the rest of the body.
     */
    Response rawExchange(String head, byte[] bodyStart) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bodyStart);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        List<String> length = headers.get("content-length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length.get(0))) : dechunk(headers, in);
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(Map<String, List<String>> headers, InputStream in) throws IOException {
        if (!headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            return in.readAllBytes();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed in the middle of a line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
