package com.matchmaking.app.benchmark;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * CPU time spent by this JVM and by the PostgreSQL server, so a phase can say where its cost went. PostgreSQL's is
 * read from {@code /proc}: the postmaster's own and reaped children's time plus that of its live backends; it is
 * only available when the server runs on this machine and {@code /proc} can be read (the embedded server always).
 */
final class CpuClock {

    /** USER_HZ: the unit of the times in {@code /proc/<pid>/stat}; 100 on every Linux this runs on. */
    private static final long TICK_NANOS = 10_000_000L;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ProcessHandle postmaster;

    private CpuClock(ProcessHandle postmaster) {
        this.postmaster = postmaster;
    }

    /** A clock for this JVM and for the server behind the data source, as far as it can be seen. */
    static CpuClock forServerOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            Optional<ProcessHandle> parent = ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                    .filter(p -> Files.isReadable(stat(p.pid())));
            return new CpuClock(parent.orElse(null));
        } catch (SQLException | RuntimeException e) {
            return new CpuClock(null);
        }
    }

    /** A reading of both clocks. */
    record Reading(long jvmNanos, long postgresNanos) {

        Reading minus(Reading earlier) {
            return new Reading(jvmNanos - earlier.jvmNanos,
                    postgresNanos < 0 || earlier.postgresNanos < 0 ? -1 : postgresNanos - earlier.postgresNanos);
        }
    }

    Reading read() {
        return new Reading(os.getProcessCpuTime(), postgresNanos());
    }

    boolean seesPostgres() {
        return postmaster != null;
    }

    private long postgresNanos() {
        if (postmaster == null) {
            return -1;
        }
        try {
            long ticks = ticks(postmaster.pid(), true);
            for (ProcessHandle child : (Iterable<ProcessHandle>) postmaster.children()::iterator) {
                try {
                    ticks += ticks(child.pid(), false);
                } catch (IOException | RuntimeException gone) {
                    // A backend that ended between listing and reading: its time is now in the postmaster's.
                }
            }
            return ticks * TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime (fields 14 and 15), and for the postmaster also cutime + cstime (16 and 17) of reaped children. */
    private static long ticks(long pid, boolean withChildren) throws IOException {
        String stat = Files.readString(stat(pid));
        // The command name (field 2) may hold spaces; the fields after it start behind its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks;
    }

    private static Path stat(long pid) {
        return Path.of("/proc", Long.toString(pid), "stat");
    }
}
