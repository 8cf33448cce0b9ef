package com.matchmaking.app.benchmark;

import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the SQL round trips the application makes, by wrapping its {@link DataSource} bean: every statement
 * executed (a batch counts once, as the driver sends it in one go) and every commit and rollback. Only statements run
 * on the benchmark's own sending threads count, so what is counted is the command path (the command's transaction
 * and what runs after it on the same thread, such as a snapshot), not the tracking processors or the schedulers.
 * Each statement is counted under its SQL text (whitespace collapsed), so a phase can say what its commands ran.
 */
final class SqlRoundTrips {

    /** Threads whose statements count: the benchmark's command senders. */
    static final String COUNTED_THREAD_PREFIX = "benchmark-sender";

    private final Map<String, LongAdder> byStatement = new ConcurrentHashMap<>();

    /** A bean post-processor that wraps every {@link DataSource} bean of the application in a counting proxy. */
    BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())
                        ? wrap(dataSource) : bean;
            }
        };
    }

    /** What was counted so far, by SQL text. */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new LinkedHashMap<>();
        byStatement.forEach((sql, count) -> copy.put(sql, count.sum()));
        return copy;
    }

    /** Counts between two snapshots, most frequent first. */
    static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> diff = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> diff.put(e.getKey(), e.getValue()));
        return diff;
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private void count(String sql) {
        if (Thread.currentThread().getName().startsWith(COUNTED_THREAD_PREFIX)) {
            byStatement.computeIfAbsent(normalise(sql), k -> new LongAdder()).increment();
        }
    }

    private static String normalise(String sql) {
        String flat = sql == null ? "?" : sql.strip().replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }

    private DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (Interceptor) (method, args, result) -> result instanceof Connection c
                ? proxy(Connection.class, c, connectionHandler()) : result);
    }

    private Interceptor connectionHandler() {
        return new Interceptor() {
            @Override
            public void before(Method method, Object[] args) {
                if (method.getName().equals("commit")) {
                    count("COMMIT");
                } else if (method.getName().equals("rollback") && (args == null || args.length == 0)) {
                    count("ROLLBACK");
                }
            }

            @Override
            public Object after(Method method, Object[] args, Object result) {
                if (result instanceof CallableStatement s) {
                    return proxy(CallableStatement.class, s, statementHandler((String) args[0]));
                }
                if (result instanceof PreparedStatement s) {
                    return proxy(PreparedStatement.class, s, statementHandler((String) args[0]));
                }
                if (result instanceof Statement s) {
                    return proxy(Statement.class, s, statementHandler(null));
                }
                return result;
            }
        };
    }

    private Interceptor statementHandler(String preparedSql) {
        return new Interceptor() {
            @Override
            public void before(Method method, Object[] args) {
                String name = method.getName();
                if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                    count("BATCH " + (preparedSql == null ? "" : preparedSql));
                } else if (name.startsWith("execute")) {
                    count(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
                }
            }

            @Override
            public Object after(Method method, Object[] args, Object result) {
                return result;
            }
        };
    }

    /** Sees a call before it is made and may replace its result. */
    @FunctionalInterface
    private interface Interceptor {
        default void before(Method method, Object[] args) {
        }

        Object after(Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, Interceptor interceptor) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return true;
            }
            interceptor.before(method, args);
            try {
                return interceptor.after(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(SqlRoundTrips.class.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
