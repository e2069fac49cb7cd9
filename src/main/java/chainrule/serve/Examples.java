package chainrule.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The seed questions (test-cases/seeds/*.nn, copied into the jar by the build) as the page's
 * examples: each with its title, the first line of its leading comment.
 */
final class Examples {
    static final String FOLDER = "/chainrule/serve/examples";

    record Example(String name, String title, String source) {}

    private Examples() {}

    static List<Example> all() {
        URL url = Examples.class.getResource(FOLDER);
        if (url == null) return List.of();
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                boolean ours = true;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                    ours = false;
                }
                try {
                    return read(fs.getPath(FOLDER));
                } finally {
                    if (ours) fs.close();
                }
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Example> read(Path folder) throws IOException {
        List<Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".nn")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                String name = p.getFileName().toString().replaceFirst("\\.nn$", "");
                out.add(new Example(name, title(name, text), text));
            }
        }
        return out;
    }

    /** "Seed 000 (math.stackexchange): ..." from the first comment line, else the file's name. */
    static String title(String name, String text) {
        String first = text.lines().findFirst().orElse("").strip();
        if (!first.startsWith("#")) return name;
        String t = first.substring(1).strip();
        return t.length() > 90 ? t.substring(0, 87) + "..." : t;
    }

    static Map<String, Object> json(List<Example> examples) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Example e : examples) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("title", e.title());
            m.put("source", e.source());
            list.add(m);
        }
        return Map.of("examples", list);
    }
}
