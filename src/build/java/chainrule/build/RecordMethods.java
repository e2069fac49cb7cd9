package chainrule.build;

import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A record's {@code equals}, {@code hashCode} and {@code toString} as plain bytecode, each a private
 * static method of the record taking the receiver first, with exactly the results of
 * {@code java.lang.runtime.ObjectMethods.bootstrap} (JDK 21 to 25): equals is true for the same
 * object, false for one not an instance of the record, else compares the components in order
 * (primitives by {@code ==}, float and double by {@code Float.compare}/{@code Double.compare} == 0,
 * references by {@code Objects.equals}); hashCode is {@code 31 * h + hash(component)} from 0 in
 * order (a primitive by its wrapper's static {@code hashCode}, a reference by
 * {@code Objects.hashCode}); toString is {@code Simple[a=1, b=x]} with each value as
 * {@code String.valueOf} spells it (byte and short as int).
 */
final class RecordMethods {
    private RecordMethods() {}

    /** One component: its name and field (the bootstrap's getter handles read the fields). */
    record Component(String name, String field, String descriptor) {
        Type type() { return Type.getType(descriptor); }
    }

    static void writeEquals(ClassVisitor cv, String method, String owner, List<Component> components) {
        String desc = "(L" + owner + ";Ljava/lang/Object;)Z";
        MethodVisitor mv = begin(cv, method, desc);
        Label notSame = new Label(), instance = new Label(), unequal = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitJumpInsn(Opcodes.IF_ACMPNE, notSame);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(notSame);
        mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitTypeInsn(Opcodes.INSTANCEOF, owner);
        mv.visitJumpInsn(Opcodes.IFNE, instance);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(instance);
        mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        for (Component c : components) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, owner, c.field(), c.descriptor());
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitTypeInsn(Opcodes.CHECKCAST, owner);
            mv.visitFieldInsn(Opcodes.GETFIELD, owner, c.field(), c.descriptor());
            switch (c.type().getSort()) {
                case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> mv.visitJumpInsn(Opcodes.IF_ICMPNE, unequal);
                case Type.LONG -> {
                    mv.visitInsn(Opcodes.LCMP);
                    mv.visitJumpInsn(Opcodes.IFNE, unequal);
                }
                case Type.FLOAT -> {
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "compare", "(FF)I", false);
                    mv.visitJumpInsn(Opcodes.IFNE, unequal);
                }
                case Type.DOUBLE -> {
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "compare", "(DD)I", false);
                    mv.visitJumpInsn(Opcodes.IFNE, unequal);
                }
                default -> {
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Objects", "equals",
                            "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
                    mv.visitJumpInsn(Opcodes.IFEQ, unequal);
                }
            }
        }
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IRETURN);
        if (!components.isEmpty()) {
            mv.visitLabel(unequal);
            mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitInsn(Opcodes.IRETURN);
        }
        end(mv);
    }

    static void writeHashCode(ClassVisitor cv, String method, String owner, List<Component> components) {
        MethodVisitor mv = begin(cv, method, "(L" + owner + ";)I");
        mv.visitInsn(Opcodes.ICONST_0);
        for (Component c : components) {
            mv.visitIntInsn(Opcodes.BIPUSH, 31);
            mv.visitInsn(Opcodes.IMUL);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, owner, c.field(), c.descriptor());
            switch (c.type().getSort()) {
                case Type.BOOLEAN -> hash(mv, "java/lang/Boolean", "Z");
                case Type.CHAR -> hash(mv, "java/lang/Character", "C");
                case Type.BYTE -> hash(mv, "java/lang/Byte", "B");
                case Type.SHORT -> hash(mv, "java/lang/Short", "S");
                case Type.INT -> hash(mv, "java/lang/Integer", "I");
                case Type.LONG -> hash(mv, "java/lang/Long", "J");
                case Type.FLOAT -> hash(mv, "java/lang/Float", "F");
                case Type.DOUBLE -> hash(mv, "java/lang/Double", "D");
                default -> hash(mv, "java/util/Objects", "Ljava/lang/Object;");
            }
            mv.visitInsn(Opcodes.IADD);
        }
        mv.visitInsn(Opcodes.IRETURN);
        end(mv);
    }

    static void writeToString(ClassVisitor cv, String method, String owner, String simpleName, List<Component> components) {
        MethodVisitor mv = begin(cv, method, "(L" + owner + ";)Ljava/lang/String;");
        if (components.isEmpty()) {
            mv.visitLdcInsn(simpleName + "[]");
            mv.visitInsn(Opcodes.ARETURN);
            end(mv);
            return;
        }
        mv.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
        mv.visitInsn(Opcodes.DUP);
        mv.visitLdcInsn(simpleName + "[");
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(Ljava/lang/String;)V", false);
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            append(mv, (i == 0 ? "" : ", ") + c.name() + "=");
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, owner, c.field(), c.descriptor());
            String valueOf = switch (c.type().getSort()) {
                case Type.BOOLEAN -> "(Z)";
                case Type.CHAR -> "(C)";
                case Type.BYTE, Type.SHORT, Type.INT -> "(I)";
                case Type.LONG -> "(J)";
                case Type.FLOAT -> "(F)";
                case Type.DOUBLE -> "(D)";
                default -> "(Ljava/lang/Object;)";
            };
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", valueOf + "Ljava/lang/String;", false);
            appendTop(mv);
        }
        append(mv, "]");
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
        mv.visitInsn(Opcodes.ARETURN);
        end(mv);
    }

    private static MethodVisitor begin(ClassVisitor cv, String method, String descriptor) {
        MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                method, descriptor, null, null);
        mv.visitCode();
        return mv;
    }

    private static void end(MethodVisitor mv) {
        mv.visitMaxs(0, 0); // computed by the class writer
        mv.visitEnd();
    }

    private static void hash(MethodVisitor mv, String owner, String argument) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, "hashCode", "(" + argument + ")I", false);
    }

    private static void append(MethodVisitor mv, String text) {
        mv.visitLdcInsn(text);
        appendTop(mv);
    }

    private static void appendTop(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
                "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
    }
}
