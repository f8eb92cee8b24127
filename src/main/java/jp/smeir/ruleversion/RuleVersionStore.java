package jp.smeir.ruleversion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The rule versions in the database (migration V10): each version's files, and every activation; the last
 * activation names the active version. Plain JDBC, the same SQL on H2 and PostgreSQL.
 */
@ApplicationScoped
public class RuleVersionStore {

    /** A stored version, with whether it is the active one. */
    public record Version(String digest, Instant storedAt, String storedBy, Integer scenariosPassed, Integer scenariosTotal,
                          boolean active) {
    }

    /** The scenario gate a version passed: null for a version seeded at a start, which no gate ran on. */
    public record Gate(int passed, int total) {
    }

    @Inject
    DataSource data;

    /** The digest of the active version, or empty when no version was ever activated. One indexed read. */
    public Optional<String> activeDigest() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = data.getConnection();
                 PreparedStatement s = c.prepareStatement("select digest from rule_activation order by id desc fetch first 1 rows only");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
            }
        });
    }

    public boolean exists(String digest) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = data.getConnection()) {
                return exists(c, digest);
            }
        });
    }

    /**
     * Stores a version if it is not stored yet (its files with it) and, when {@code activate}, records that it was put
     * into service, all in one transaction.
     */
    public void put(String digest, Map<String, byte[]> files, String who, Instant when, Gate gate, boolean activate) {
        try {
            store(digest, files, who, when, gate, activate);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof SQLException sql) || sql.getSQLState() == null || !sql.getSQLState().startsWith("23")) {
                throw e;
            }
            // another instance stored the same version meanwhile (instances starting together on a new database):
            // once more, which now finds it stored
            store(digest, files, who, when, gate, activate);
        }
    }

    private void store(String digest, Map<String, byte[]> files, String who, Instant when, Gate gate, boolean activate) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = data.getConnection()) {
                if (!exists(c, digest)) {
                    try (PreparedStatement s = c.prepareStatement("insert into rule_version (digest, stored_at, stored_by, scenarios_passed, "
                            + "scenarios_total) values (?, ?, ?, ?, ?)")) {
                        s.setString(1, digest);
                        s.setTimestamp(2, Timestamp.from(when));
                        s.setString(3, who);
                        gate(s, 4, gate);
                        s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement("insert into rule_version_file (digest, name, content) values (?, ?, ?)")) {
                        for (Map.Entry<String, byte[]> file : files.entrySet()) {
                            s.setString(1, digest);
                            s.setString(2, file.getKey());
                            s.setBytes(3, file.getValue());
                            s.addBatch();
                        }
                        s.executeBatch();
                    }
                }
                if (activate) {
                    try (PreparedStatement s = c.prepareStatement("insert into rule_activation (digest, activated_at, activated_by, "
                            + "scenarios_passed, scenarios_total) values (?, ?, ?, ?, ?)")) {
                        s.setString(1, digest);
                        s.setTimestamp(2, Timestamp.from(when));
                        s.setString(3, who);
                        gate(s, 4, gate);
                        s.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store rule version " + digest, e);
            }
        });
    }

    /** Every stored version, the newest first. */
    public List<Version> list() {
        return QuarkusTransaction.requiringNew().call(() -> {
            String active = activeDigest().orElse(null);
            List<Version> versions = new ArrayList<>();
            try (Connection c = data.getConnection();
                 PreparedStatement s = c.prepareStatement("select digest, stored_at, stored_by, scenarios_passed, scenarios_total "
                         + "from rule_version order by stored_at desc, digest");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    versions.add(new Version(r.getString(1), r.getTimestamp(2).toInstant(), r.getString(3), integer(r, 4), integer(r, 5),
                            r.getString(1).equals(active)));
                }
            }
            return versions;
        });
    }

    /** A version's files by name, or empty when the version is not stored. */
    public Optional<Map<String, byte[]>> files(String digest) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = data.getConnection()) {
                if (!exists(c, digest)) {
                    return Optional.<Map<String, byte[]>>empty();
                }
                Map<String, byte[]> files = new TreeMap<>();
                try (PreparedStatement s = c.prepareStatement("select name, content from rule_version_file where digest = ?")) {
                    s.setString(1, digest);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            files.put(r.getString(1), r.getBytes(2));
                        }
                    }
                }
                return Optional.of(files);
            }
        });
    }

    private static boolean exists(Connection c, String digest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from rule_version where digest = ?")) {
            s.setString(1, digest);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void gate(PreparedStatement s, int at, Gate gate) throws SQLException {
        if (gate == null) {
            s.setNull(at, Types.INTEGER);
            s.setNull(at + 1, Types.INTEGER);
        } else {
            s.setInt(at, gate.passed());
            s.setInt(at + 1, gate.total());
        }
    }

    private static Integer integer(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }
}
