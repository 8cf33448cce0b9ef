package com.matchmaking.app.mail;

import com.matchmaking.app.MatchmakingProperties;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends the backend's few mails (a confirmation code, a notice that an address is registered already, a reset code)
 * in the language of the request that caused them: Simplified Chinese unless it asked for English. Texts live in the
 * {@code i18n/mail} message bundles and carry nothing personal but the code a mail must carry. Mail goes out on a
 * thread of its own, so a request answers in the same time whether it caused a mail or not (registration of a new or
 * a taken address, a reset for a known or an unknown one) and whatever the SMTP server's speed. Nothing about a mail
 * is logged but its kind.
 */
@Component
public class Mailer {

    /** The mails there are, by their key in the bundles ({@code mail.<key>.subject}, {@code mail.<key>.body}). */
    public enum Kind {
        CONFIRM_EMAIL("confirm"), ADDRESS_TAKEN("taken"), PASSWORD_RESET("reset"),
        /** A code to the new address of a member's email change. */
        CONFIRM_EMAIL_CHANGE("change"),
        /** To the owner of an address a member tried to change their email to. */
        CHANGE_TO_TAKEN_ADDRESS("change-taken"),
        /** To the old address once a member's login moved to a new one. */
        EMAIL_CHANGED("changed");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MessageSource messages;
    private final JavaMailSender smtp;
    private final String from;
    private final Path outbox;
    private final Clock clock;
    private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "mail-sender");
                thread.setDaemon(true);
                return thread;
            });

    @org.springframework.beans.factory.annotation.Autowired
    Mailer(MessageSource messages, ObjectProvider<JavaMailSender> smtp, MailSettings settings,
           MatchmakingProperties properties, Environment environment, Clock clock) {
        this(messages, smtp.getIfAvailable(), settings.from(),
                settings.outboxFile() != null ? settings.outboxFile() : properties.dataDir().resolve("mail-outbox.txt"),
                environment.acceptsProfiles(Profiles.of("prod")), clock);
    }

    /** @param smtp null: no SMTP server, mail goes to the outbox file (refused in production) */
    Mailer(MessageSource messages, JavaMailSender smtp, String from, Path outbox, boolean production, Clock clock) {
        this.messages = messages;
        this.smtp = smtp;
        this.from = from;
        this.clock = clock;
        this.outbox = outbox;
        if (smtp == null && production) {
            throw new IllegalStateException("The prod profile needs an SMTP server for confirmation and reset codes: "
                    + "set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, _USERNAME, _PASSWORD as needed)");
        }
    }

    /** The language of a mail: English when the request asked for it, Simplified Chinese otherwise. */
    public static Locale languageOf(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** Queues the mail; {@code arguments} fill the body's placeholders ({@code {0}} is the code where there is one). */
    public void send(String to, Kind kind, Locale requested, Object... arguments) {
        Locale language = languageOf(requested);
        String subject = messages.getMessage("mail." + kind.key + ".subject", null, language);
        String body = messages.getMessage("mail." + kind.key + ".body", arguments, language);
        sender.execute(() -> deliver(to, kind, subject, body));
    }

    private void deliver(String to, Kind kind, String subject, String body) {
        try {
            if (smtp != null) {
                MimeMessage message = smtp.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(to);
                helper.setSubject(subject);
                helper.setText(body, false);
                smtp.send(message);
            } else {
                writeToOutbox(to, subject, body);
            }
        } catch (MailException | MessagingException | UncheckedIOException failed) {
            // The exception of a mail library may quote the address: only its type goes to the log.
            log.error("Could not send a {} mail ({})", kind, failed.getClass().getSimpleName());
        }
    }

    private synchronized void writeToOutbox(String to, String subject, String body) {
        try {
            Files.createDirectories(outbox.toAbsolutePath().getParent());
            String entry = "--- " + clock.instant() + "\nTo: " + to + "\nSubject: " + subject + "\n\n" + body + "\n\n";
            Files.writeString(outbox, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the mails queued so far are delivered (tests, shutdown). */
    void drain() throws Exception {
        sender.submit(() -> { }).get();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}
