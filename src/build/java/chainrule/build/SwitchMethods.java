package chainrule.build;

import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The body of a pattern-matching switch's classification, written once per site as a private static
 * method of the class, with {@code SwitchBootstraps.typeSwitch}'s meaning for class labels: the
 * restart index checked as {@code Objects.checkIndex(restart, labels + 1)}, -1 for a null target, else
 * the first label from {@code restart} on that the target is an instance of (a class) or equals (a
 * string or an integer, as the JDK compares them), else the number of labels. Like the JDK's own, a {@code tableswitch} on the restart index falls through the tests.
 */
final class SwitchMethods {
    private SwitchMethods() {}

    /**
     * Class labels (type and record patterns), string and integer constants are written; a site with an
     * enum constant (an {@code EnumDesc}, a dynamic constant) stays with the JDK.
     */
    static boolean handles(Object[] labels) {
        for (Object label : labels) {
            boolean known = label instanceof Type t ? t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY
                    : label instanceof String || label instanceof Integer;
            if (!known) return false;
        }
        return true;
    }

    /** Adds {@code private static synthetic int name(descriptor)}: {@code (Target target, int restart)}. */
    static void write(ClassVisitor cv, String name, String descriptor, List<Object> labels) {
        MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                name, descriptor, null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        Bytecode.pushInt(mv, labels.size() + 1);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Objects", "checkIndex", "(II)I", false);
        mv.visitInsn(Opcodes.POP);
        Label nonNull = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitJumpInsn(Opcodes.IFNONNULL, nonNull);
        mv.visitInsn(Opcodes.ICONST_M1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(nonNull);
        mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        int n = labels.size();
        if (n > 0) {
            Label[] cases = new Label[n + 1];
            for (int i = 0; i <= n; i++) cases[i] = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, 1);
            mv.visitTableSwitchInsn(0, n - 1, cases[n], java.util.Arrays.copyOf(cases, n));
            for (int i = 0; i < n; i++) {
                mv.visitLabel(cases[i]);
                mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
                test(mv, labels.get(i), i, cases[i + 1]);
            }
            mv.visitLabel(cases[n]);
            mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        }
        Bytecode.pushInt(mv, n);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Returns {@code index} when the target matches the label, else goes on at {@code next}. */
    private static void test(MethodVisitor mv, Object label, int index, Label next) {
        switch (label) {
            case Type type -> {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitTypeInsn(Opcodes.INSTANCEOF, type.getInternalName());
                mv.visitJumpInsn(Opcodes.IFEQ, next);
            }
            case String text -> {
                mv.visitLdcInsn(text);
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "equals", "(Ljava/lang/Object;)Z", false);
                mv.visitJumpInsn(Opcodes.IFEQ, next);
            }
            case Integer value -> {
                // as the JDK: a Number by intValue(), a Character by charValue()
                Label notNumber = new Label();
                unboxedIs(mv, "java/lang/Number", "intValue", "()I", value, notNumber, next);
                Bytecode.pushInt(mv, index);
                mv.visitInsn(Opcodes.IRETURN);
                mv.visitLabel(notNumber);
                mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
                unboxedIs(mv, "java/lang/Character", "charValue", "()C", value, next, next);
            }
            default -> throw new IllegalArgumentException("label " + label); // handles() let it through
        }
        Bytecode.pushInt(mv, index);
        mv.visitInsn(Opcodes.IRETURN);
    }

    /** Falls through when the selector (local 0) is a box of this type whose unboxed value is value; else jumps. */
    private static void unboxedIs(MethodVisitor mv, String type, String getter, String descriptor, int value, Label notType, Label unequal) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitTypeInsn(Opcodes.INSTANCEOF, type);
        mv.visitJumpInsn(Opcodes.IFEQ, notType);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitTypeInsn(Opcodes.CHECKCAST, type);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, type, getter, descriptor, false);
        Bytecode.pushInt(mv, value);
        mv.visitJumpInsn(Opcodes.IF_ICMPNE, unequal);
    }
}
