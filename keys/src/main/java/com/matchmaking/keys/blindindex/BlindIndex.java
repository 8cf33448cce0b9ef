package com.matchmaking.keys.blindindex;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.matchmaking.keys.KeyUnavailableException;
import com.matchmaking.keys.kek.KekProvider;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Blind indexes: a keyed HMAC-SHA256 of a normalised personal value, so the backend can find a record by that
 * value (login by email, uniqueness of a phone number) without storing the value. Each purpose has its own
 * lookup key, stored wrapped by the KEK like every other key.
 *
 * <p>The caller normalises (trims, lower-cases an email, formats a phone number in E.164) before asking, so that
 * equal values give equal indexes.
 */
public final class BlindIndex {

    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final String INSERT = """
            INSERT INTO lookup_key (purpose, wrapped_keyset, created_at) VALUES (?, ?, ?)
            ON CONFLICT (purpose) DO NOTHING
            """;
    private static final String SELECT = "SELECT wrapped_keyset FROM lookup_key WHERE purpose = ?";

    static {
        try {
            MacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DataSource dataSource;
    private final KekProvider kekProvider;
    private final Clock clock;
    private final Map<String, Mac> keys = new ConcurrentHashMap<>();

    public BlindIndex(DataSource dataSource, KekProvider kekProvider, Clock clock) {
        this.dataSource = dataSource;
        this.kekProvider = kekProvider;
        this.clock = clock;
    }

    /**
     * Opens the lookup key of a purpose ahead of use. It is created only when missing and {@code firstUse} is true;
     * a key missing after the service has used it is never made again (a new one would match no stored index: every
     * lookup would silently fail).
     *
     * @throws KeyUnavailableException when the key is missing and {@code firstUse} is false, or cannot be opened
     */
    public void open(String purpose, boolean firstUse) {
        keys.computeIfAbsent(purpose, p -> loadOrCreate(p, firstUse));
    }

    /** The blind index of a normalised value for one purpose, as URL-safe base64. */
    public String of(String purpose, String normalisedValue) {
        Mac mac = keys.computeIfAbsent(purpose, p -> loadOrCreate(p, true));
        try {
            byte[] tag = mac.computeMac(normalisedValue.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("Cannot compute a blind index for purpose " + purpose, e);
        }
    }

    /**
     * Reads or creates the lookup key on a connection of its own that commits at once: a key created inside a
     * transaction that later rolls back would leave indexes nobody can compute again.
     */
    private Mac loadOrCreate(String purpose, boolean mayCreate) {
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("Blind index purposes are lower-case words of up to 64 characters");
        }
        byte[] context = ("lookup-key|" + purpose).getBytes(StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!mayCreate) {
                try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                    select.setString(1, purpose);
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            throw new KeyUnavailableException("The lookup key for purpose " + purpose + " is missing from "
                                    + "the table lookup_key although the service has used it. Refusing to make a new one "
                                    + "(no stored index would match it): restore the row from a backup of the database");
                        }
                    }
                }
            }
            KeysetHandle fresh = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, purpose);
                insert.setBytes(2, TinkProtoKeysetFormat.serializeEncryptedKeyset(fresh, kekProvider.kek(), context));
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, purpose);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new KeyUnavailableException("Lookup key for purpose " + purpose + " vanished");
                    }
                    KeysetHandle stored = TinkProtoKeysetFormat.parseEncryptedKeyset(rs.getBytes(1), kekProvider.kek(), context);
                    return stored.getPrimitive(RegistryConfiguration.get(), Mac.class);
                }
            }
        } catch (SQLException e) {
            throw new KeyUnavailableException("Cannot read the lookup key for purpose " + purpose, e);
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("Cannot open the lookup key for purpose " + purpose + " with "
                    + kekProvider.describe(), e);
        }
    }
}
