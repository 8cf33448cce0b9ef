package com.matchmaking.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real SMTP server (GreenMail) in the test JVM, on a free port, that every test application sends its mail to
 * (see {@link TestApplications}). Tests read the one-time codes from the mails it received, as a member would.
 */
public final class TestMail {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");
    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            GreenMail started = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
            server = started;
        }
        return server;
    }

    public static int smtpPort() {
        return server().getSmtp().getPort();
    }

    /** The mails received so far for the address, oldest first. */
    public static List<MimeMessage> to(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : server().getReceivedMessages()) {
            try {
                Address[] recipients = message.getRecipients(Message.RecipientType.TO);
                if (recipients != null && recipients.length == 1
                        && recipients[0].toString().toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT))) {
                    found.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Waits (up to 20 s) until the address has received at least {@code count} mails; returns them all. */
    public static List<MimeMessage> await(String address, int count) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<MimeMessage> received = to(address);
        while (received.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " mails for the address, got " + received.size());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            received = to(address);
        }
        return received;
    }

    /** The one-time code in the address's {@code n}th mail (1 = the first), waiting for it to arrive. */
    public static String code(String address, int n) {
        return codeIn(await(address, n).get(n - 1));
    }

    /** The eight-digit code in a mail's body, or null when it has none. */
    public static String codeIn(MimeMessage message) {
        Matcher matcher = CODE.matcher(body(message));
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The body as text, decoded with its declared charset. */
    public static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : GreenMailUtil.getBody(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
