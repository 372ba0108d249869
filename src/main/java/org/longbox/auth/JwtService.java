package org.longbox.auth;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.IssValidator;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.SubValidator;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.longbox.server.database.ServerConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * HS256 access tokens. The signing key is made once and kept in the database, so tokens outlive a
 * restart and verify on every node sharing it. Each token carries a fingerprint of the user's
 * password hash, so changing the password ends every token issued before.
 */
public final class JwtService {
    private static final String KEY_NAME = "jwt_hs256_key";
    private static final String ISSUER = "longbox";
    private static final String PASSWORD_CLAIM = "pwf";

    private static final long CLOCK_SKEW_SECONDS = 30;

    private final HmacKey key;
    private final Duration ttl;
    private final Clock clock;
    private final JwtConsumer consumer;

    public JwtService(ServerConfig config, Duration ttl, Clock clock) {
        this.key = new HmacKey(loadOrCreateKey(config));
        this.ttl = ttl;
        this.clock = clock;
        // jose4j's own time checks read the system clock; these read ours (same rules, 30 s of skew).
        this.consumer = new JwtConsumerBuilder()
                .setSkipAllDefaultValidators()
                .registerValidator(new IssValidator(ISSUER, true))
                .registerValidator(new SubValidator(true))
                .registerValidator(this::checkTimes)
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .build();
    }

    public record Issued(String token, Instant expiresAt) {
    }

    /** The subject and password fingerprint a verified token names. */
    public record Verified(String userId, String passwordFingerprint) {
    }

    public Issued issue(String userId, String passwordHash) {
        Instant now = clock.instant();
        Instant exp = now.plus(ttl);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(userId);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
        claims.setStringClaim(PASSWORD_CLAIM, fingerprint(passwordHash));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        try {
            return new Issued(jws.getCompactSerialization(), Instant.ofEpochSecond(exp.getEpochSecond()));
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** The claims of a valid token; null for a token that is expired, tampered, unsigned or not ours. */
    public Verified verify(String token) {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            return new Verified(claims.getSubject(), claims.getStringClaimValue(PASSWORD_CLAIM));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return null;
        }
    }

    /** Expiry and issue time are required; an expired token, or one not valid yet, is refused. */
    private ErrorCodeValidator.Error checkTimes(JwtContext context) throws MalformedClaimException {
        JwtClaims claims = context.getJwtClaims();
        NumericDate exp = claims.getExpirationTime();
        NumericDate nbf = claims.getNotBefore();
        if (exp == null) {
            return new ErrorCodeValidator.Error(ErrorCodes.EXPIRATION_MISSING, "No Expiration Time (exp) claim present.");
        }
        if (claims.getIssuedAt() == null) {
            return new ErrorCodeValidator.Error(ErrorCodes.ISSUED_AT_MISSING, "No Issued At (iat) claim present.");
        }
        long now = clock.millis() / 1000;
        if (now - CLOCK_SKEW_SECONDS >= exp.getValue()) {
            return new ErrorCodeValidator.Error(ErrorCodes.EXPIRED, "The JWT is no longer valid");
        }
        if (nbf != null && now + CLOCK_SKEW_SECONDS < nbf.getValue()) {
            return new ErrorCodeValidator.Error(ErrorCodes.NOT_YET_VALID, "The JWT is not yet valid");
        }
        return null;
    }

    public static String fingerprint(String passwordHash) {
        return Secrets.sha256Hex("longbox-jwt:" + passwordHash).substring(0, 16);
    }

    private static byte[] loadOrCreateKey(ServerConfig config) {
        String stored = config.get(KEY_NAME).orElse(null);
        if (stored == null) {
            // when another node stores its key first, this one is dropped and that one used
            config.putIfAbsent(KEY_NAME, Base64.getEncoder().encodeToString(Secrets.randomBytes(32)));
            stored = config.get(KEY_NAME).orElseThrow();
        }
        return Base64.getDecoder().decode(stored);
    }
}
