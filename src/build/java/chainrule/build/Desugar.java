package chainrule.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A build step, not part of chainrule (it is not in the jar): after javac, it rewrites the class
 * files so that the JVM spins no class at run time for the pattern-matching switches and the
 * records' equals, hashCode and toString. Each {@code invokedynamic} to
 * {@code SwitchBootstraps.typeSwitch} with class labels becomes a call of a private static method
 * of the same class ({@link SwitchMethods}), each to {@code ObjectMethods.bootstrap} one of the
 * record's ({@link RecordMethods}); both give exactly the JDK's results. The JDK links those call
 * sites at their first use by generating hidden classes and method handles (about 40 ms of a
 * short command's start), which no start-up cache keeps. Like Android's D8 desugaring.
 *
 * <p>Usage: {@code Desugar DIR...}. Only class files with such a call site are written again, so a
 * second run changes nothing, and after an incremental compile the recompiled classes are done.
 */
public final class Desugar {
    static final String SWITCH_BOOTSTRAPS = "java/lang/runtime/SwitchBootstraps";
    static final String OBJECT_METHODS = "java/lang/runtime/ObjectMethods";
    static final String PREFIX = "desugar$";

    /** What one class file came to: its new bytes (the same array when nothing changed) and counts. */
    public record Result(byte[] bytes, int switchSites, int recordMethods, int leftAlone) {
        public boolean changed() { return switchSites + recordMethods > 0; }
    }

    public static void main(String[] args) throws IOException {
        int switches = 0, records = 0, left = 0, classes = 0;
        for (String dir : args) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            }
            for (Path file : files) {
                Result r = desugar(Files.readAllBytes(file));
                left += r.leftAlone();
                if (!r.changed()) continue;
                Files.write(file, r.bytes());
                switches += r.switchSites();
                records += r.recordMethods();
                classes++;
            }
        }
        String leftNote = left == 0 ? "" : " (" + left + " call sites of kinds not handled left as they were)";
        System.out.println("desugar: " + switches + " switch sites, " + records + " record methods in " + classes + " classes" + leftNote);
    }

    /** Desugars one class file. */
    public static Result desugar(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Survey survey = new Survey();
        reader.accept(survey, ClassReader.SKIP_FRAMES);
        if (survey.sites == 0) return new Result(classFile, 0, 0, survey.leftAlone);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        Rewriter rewriter = new Rewriter(writer, survey);
        reader.accept(rewriter, 0);
        if (rewriter.switchSites + rewriter.recordMethods == 0) return new Result(classFile, 0, 0, survey.leftAlone);
        return new Result(writer.toByteArray(), rewriter.switchSites, rewriter.recordMethods, survey.leftAlone);
    }

    static boolean isTypeSwitch(Handle bsm) {
        return bsm.getOwner().equals(SWITCH_BOOTSTRAPS) && bsm.getName().equals("typeSwitch");
    }

    static boolean isObjectMethods(Handle bsm) {
        return bsm.getOwner().equals(OBJECT_METHODS) && bsm.getName().equals("bootstrap");
    }

    /** A record method site this pass writes: the bootstrap's arguments read, or null when it is left. */
    static List<RecordMethods.Component> components(String owner, String name, String descriptor, Object[] args) {
        if (args.length < 2 || !(args[0] instanceof Type record) || !record.getInternalName().equals(owner)
                || !(args[1] instanceof String names)) return null;
        String expected = switch (name) {
            case "equals" -> "(L" + owner + ";Ljava/lang/Object;)Z";
            case "hashCode" -> "(L" + owner + ";)I";
            case "toString" -> "(L" + owner + ";)Ljava/lang/String;";
            default -> null;
        };
        if (!descriptor.equals(expected)) return null;
        String[] split = names.isEmpty() ? new String[0] : names.split(";");
        if (split.length != args.length - 2) return null;
        List<RecordMethods.Component> components = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            if (!(args[i] instanceof Handle h) || h.getTag() != Opcodes.H_GETFIELD || !h.getOwner().equals(owner)) return null;
            components.add(new RecordMethods.Component(split[i - 2], h.getName(), h.getDesc()));
        }
        return components;
    }

    /** First look: the class's name, simple name, method names, and whether there is work. */
    private static final class Survey extends ClassVisitor {
        String name;
        String simpleName;
        boolean isInterface;
        final Set<String> methodNames = new HashSet<>();
        int sites;
        int leftAlone;

        Survey() { super(Opcodes.ASM9); }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            this.simpleName = name.substring(name.lastIndexOf('/') + 1);
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            // Class.getSimpleName, which ObjectMethods writes, is the inner name ("" for an anonymous class)
            if (name.equals(this.name)) simpleName = innerName == null ? "" : innerName;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            methodNames.add(name);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bsm, Object... args) {
                    boolean handled;
                    if (isTypeSwitch(bsm)) handled = SwitchMethods.handles(args);
                    else if (isObjectMethods(bsm)) handled = components(Survey.this.name, indyName, indyDescriptor, args) != null;
                    else return;
                    if (handled) sites++;
                    else leftAlone++;
                }
            };
        }
    }

    /** Second pass: each handled site becomes an invokestatic; the methods are added at the end. */
    private static final class Rewriter extends ClassVisitor {
        private final Survey survey;
        private final Map<String, Runnable> added = new LinkedHashMap<>();
        int switchSites;
        int recordMethods;

        Rewriter(ClassVisitor next, Survey survey) {
            super(Opcodes.ASM9, next);
            this.survey = survey;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                @Override
                public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bsm, Object... args) {
                    String method = null;
                    if (isTypeSwitch(bsm) && SwitchMethods.handles(args)) {
                        method = switchMethod(indyDescriptor, args);
                        switchSites++;
                    } else if (isObjectMethods(bsm)) {
                        method = recordMethod(indyName, indyDescriptor, args);
                        if (method != null) recordMethods++;
                    }
                    if (method == null) super.visitInvokeDynamicInsn(indyName, indyDescriptor, bsm, args);
                    else super.visitMethodInsn(Opcodes.INVOKESTATIC, survey.name, method, indyDescriptor, survey.isInterface);
                }
            };
        }

        /** One method per distinct list of labels and descriptor in the class. */
        private String switchMethod(String descriptor, Object[] args) {
            List<Type> labels = new ArrayList<>();
            StringBuilder key = new StringBuilder("typeSwitch ").append(descriptor);
            for (Object a : args) {
                labels.add((Type) a);
                key.append(' ').append(((Type) a).getDescriptor());
            }
            return add(key.toString(), "typeSwitch", name -> SwitchMethods.write(cv, name, descriptor, labels));
        }

        private String recordMethod(String indyName, String descriptor, Object[] args) {
            List<RecordMethods.Component> components = components(survey.name, indyName, descriptor, args);
            if (components == null) return null;
            String owner = survey.name;
            return add(indyName + " " + List.of(args), indyName, name -> {
                switch (indyName) {
                    case "equals" -> RecordMethods.writeEquals(cv, name, owner, components);
                    case "hashCode" -> RecordMethods.writeHashCode(cv, name, owner, components);
                    default -> RecordMethods.writeToString(cv, name, owner, survey.simpleName, components);
                }
            });
        }

        private final Map<String, String> names = new LinkedHashMap<>();

        private String add(String key, String kind, java.util.function.Consumer<String> writer) {
            String existing = names.get(key);
            if (existing != null) return existing;
            String name;
            int i = 0;
            do {
                name = PREFIX + kind + "$" + i++;
            } while (survey.methodNames.contains(name) || names.containsValue(name));
            names.put(key, name);
            String chosen = name;
            added.put(key, () -> writer.accept(chosen));
            return name;
        }

        @Override
        public void visitEnd() {
            for (Runnable r : added.values()) r.run();
            super.visitEnd();
        }
    }
}
