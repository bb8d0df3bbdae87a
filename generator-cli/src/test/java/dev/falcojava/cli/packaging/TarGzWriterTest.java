package dev.falcojava.cli.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class TarGzWriterTest {

    @TempDir
    Path dir;

    @Test
    void gnuTarReadsDirectoriesFilesModesAndLongNamesBackUnchanged() throws Exception {
        Path content = Files.writeString(dir.resolve("content"), "x".repeat(1000));
        String deep = "lib/" + "a".repeat(90) + "/" + "b".repeat(60) + ".so";
        Path archive = dir.resolve("out.tar.gz");
        try (TarGzWriter tar = new TarGzWriter(archive)) {
            tar.directory("lib", 0);
            tar.file("lib/run", content, 0755);
            tar.file(deep, content, 0644);
        }
        List<String> listed = tar(archive, "-tvzf");
        assertEquals(3, listed.size(), listed.toString());
        assertThat(listed.get(0)).startsWith("drwxr-xr-x root/root");
        assertThat(listed.get(0)).endsWith(" lib/");
        assertThat(listed.get(1)).startsWith("-rwxr-xr-x root/root      1000 ");
        assertThat(listed.get(1)).endsWith(" lib/run");
        assertThat(listed.get(2)).startsWith("-rw-r--r-- root/root      1000 ");
        assertThat(listed.get(2)).endsWith(" " + deep);
        Path out = Files.createDirectories(dir.resolve("unpacked"));
        tar(archive, "-xzf", "-C", out.toString());
        assertEquals("x".repeat(1000), Files.readString(out.resolve(deep)));
    }

    @Test
    void anEntryLeavingTheArchiveFolderIsRefused() throws Exception {
        Path content = Files.writeString(dir.resolve("content"), "x");
        try (TarGzWriter tar = new TarGzWriter(dir.resolve("out.tar.gz"))) {
            IOException e = assertThrows(IOException.class, () -> tar.file("../escape", content, 0644));
            assertEquals("archive entry '../escape' must be a plain relative path", e.getMessage());
        }
    }

    private static List<String> tar(Path archive, String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("tar"));
        command.add(options[0]);
        command.add(archive.toString());
        command.addAll(List.of(options).subList(1, options.length));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out.lines().toList();
    }
}
