package com.matchmaking.app.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;

/**
 * Run in a child JVM that the test then kills: starts PostgreSQL on a data folder and never stops it, like a
 * backend killed with {@code kill -9} would leave it.
 */
public final class OrphanPostgres {

    private OrphanPostgres() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
                .setPort(Integer.parseInt(args[1])).setRegisterShutdownHook(false).start();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
