package com.matchmaking.app.mail;

import com.matchmaking.app.support.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without an SMTP server (development) mail goes to the outbox file the README names, in UTF-8, and never to the log;
 * the prod profile refuses to start that way. The same bundles and settings as the application.
 */
class DevelopmentOutboxTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutSmtpTheCodeIsWrittenToTheOutboxFileAndNothingOfItToTheLog() throws Exception {
        Path outbox = dataDir.resolve("mail-outbox.txt");
        Mailer mailer = new Mailer(bundles(), null, "no-reply@matchmaking.invalid", outbox, false, Clock.systemUTC());
        try (LogCapture log = LogCapture.attach()) {
            mailer.send("someone-dev@example.com", Mailer.Kind.CONFIRM_EMAIL, Locale.forLanguageTag("zh-CN"), "12345678", 30);
            mailer.send("someone-dev@example.com", Mailer.Kind.PASSWORD_RESET, Locale.ENGLISH, "87654321", 30);
            mailer.drain();
            assertThat(String.join("\n", log.lines())).doesNotContain("someone-dev", "12345678", "87654321");
        }
        String written = Files.readString(outbox, StandardCharsets.UTF_8);
        assertThat(written).contains("To: someone-dev@example.com", "Subject: 请确认您的邮箱地址", "您的确认码是 12345678",
                "Subject: Reset your password", "Your password reset code is 87654321");
        mailer.stop();
    }

    @Test
    void theProdProfileRefusesToStartWithoutSmtp() {
        assertThatThrownBy(() -> new Mailer(bundles(), null, "x@example.invalid", dataDir.resolve("o.txt"), true,
                Clock.systemUTC())).hasMessageContaining("SPRING_MAIL_HOST");
    }

    /** As Spring Boot builds it from application.yml's spring.messages settings. */
    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/mail");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
