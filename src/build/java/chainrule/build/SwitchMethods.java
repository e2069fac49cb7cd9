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
 * the first label from {@code restart} on that the target is an instance of, else the number of
 * labels. Like the JDK's own, a {@code tableswitch} on the restart index falls through the tests.
 */
final class SwitchMethods {
    private SwitchMethods() {}

    /** Only class labels (record patterns and type patterns) are written; constants stay with the JDK. */
    static boolean handles(Object[] labels) {
        for (Object label : labels) {
            if (!(label instanceof Type t) || (t.getSort() != Type.OBJECT && t.getSort() != Type.ARRAY)) return false;
        }
        return true;
    }

    /** Adds {@code private static synthetic int name(descriptor)}: {@code (Target target, int restart)}. */
    static void write(ClassVisitor cv, String name, String descriptor, List<Type> labels) {
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
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitTypeInsn(Opcodes.INSTANCEOF, labels.get(i).getInternalName());
                mv.visitJumpInsn(Opcodes.IFEQ, cases[i + 1]);
                Bytecode.pushInt(mv, i);
                mv.visitInsn(Opcodes.IRETURN);
            }
            mv.visitLabel(cases[n]);
            mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        }
        Bytecode.pushInt(mv, n);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
