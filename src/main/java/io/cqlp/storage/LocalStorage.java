package io.cqlp.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/** The local file system: paths as the JDK reads them, relative to the working directory. */
public final class LocalStorage implements Storage {
  /** The one instance. */
  public static final LocalStorage INSTANCE = new LocalStorage();

  private LocalStorage() {}

  @Override
  public boolean isFile(String path) {
    return Files.isRegularFile(Path.of(path));
  }

  @Override
  public boolean isDirectory(String path) {
    return Files.isDirectory(Path.of(path));
  }

  @Override
  public long size(String path) throws IOException {
    try {
      return Files.size(Path.of(path));
    } catch (NoSuchFileException e) {
      throw notFound(path);
    }
  }

  @Override
  public List<Entry> list(String path) throws IOException {
    Path dir = Path.of(path);
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        BasicFileAttributes attrs =
            Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isDirectory() || attrs.isRegularFile()) {
          entries.add(
              new Entry(
                  Location.local(child),
                  attrs.isDirectory(),
                  attrs.isDirectory() ? 0 : attrs.size()));
        }
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw new FileNotFoundException(path + ": no such directory");
    }
    entries.sort(Comparator.comparing(e -> e.location().path()));
    return entries;
  }

  @Override
  public InputStream open(String path) throws IOException {
    try {
      return Files.newInputStream(Path.of(path));
    } catch (NoSuchFileException e) {
      throw notFound(path);
    }
  }

  @Override
  public InputFile inputFile(String path) throws IOException {
    if (!Files.exists(Path.of(path))) {
      throw notFound(path);
    }
    return new LocalInputFile(Path.of(path));
  }

  @Override
  public StagedFile create(Location target) throws IOException {
    return LocalStagedFile.create(target);
  }

  @Override
  public void delete(String path) throws IOException {
    Files.deleteIfExists(Path.of(path));
  }

  @Override
  public String name(String path) {
    Path name = Path.of(path).getFileName();
    return name == null ? "" : name.toString();
  }

  @Override
  public String resolve(String path, String relative) {
    return Path.of(path).resolve(relative).toString();
  }

  @Override
  public String display(String path) {
    return path;
  }

  private static FileNotFoundException notFound(String path) {
    return new FileNotFoundException(path + ": no such file");
  }
}
