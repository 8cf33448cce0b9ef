package com.matchmaking.app.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where mail goes. With an SMTP server configured ({@code spring.mail.host}, {@code SPRING_MAIL_HOST}) it is sent;
 * without one (development) each mail is appended to {@code outboxFile} instead, never to the log.
 *
 * @param from       the sender address
 * @param outboxFile the development outbox; default {@code <data-dir>/mail-outbox.txt}
 */
@ConfigurationProperties("matchmaking.mail")
public record MailSettings(@DefaultValue("no-reply@matchmaking.invalid") String from, Path outboxFile) {
}
