package com.matchmaking.app.graphiql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * GraphiQL at {@value #PATH}, for developers only ({@code matchmaking.graphql.graphiql}, on in the {@code dev} profile).
 * Spring for GraphQL's own page loads GraphiQL from a public CDN, which neither this machine nor an agency's
 * developer network should depend on; this page loads it, and React, from WebJars on our classpath, and its
 * Content-Security-Policy lets the browser load nothing from anywhere else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "matchmaking.graphql.graphiql", havingValue = "true")
class GraphiQlPage implements WebMvcConfigurer {

    static final String PATH = "/graphiql";

    // GraphiQL sets styles inline and shows icons as data: URLs; everything else comes from this server.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    RouterFunction<ServerResponse> graphiQlPageRoute() {
        String page = page();
        return RouterFunctions.route()
                .GET(PATH, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY).body(page))
                .build();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/", "classpath:/graphiql/assets/");
    }

    /** The page with the versions of the WebJars actually on the classpath, so upgrading one is a pom change only. */
    private static String page() {
        return read("graphiql/index.html")
                .replace("{{graphiql}}", webJarVersion("graphiql"))
                .replace("{{react}}", webJarVersion("react"))
                .replace("{{react-dom}}", webJarVersion("react-dom"));
    }

    private static String webJarVersion(String name) {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars.npm/" + name + "/pom.properties").getInputStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The WebJar " + name + " is not on the classpath", e);
        }
        return properties.getProperty("version");
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
