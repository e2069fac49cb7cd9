package chainrule.serve;

/** Problems the server tests send. */
final class Problems {
    private Problems() {}

    static final String SMALL = """
            x : 3
            W : 2 x 3
            b : 2
            z = W*x + b
            h = tanh(z)
            L = sum(h .^ 2)
            derive L wrt W, b
            claim d(L)/d(b) = 2*h .* (1 - h .^ 2)
            claim d(L)/d(W) = 2*h*x'
            """;

    /**
     * A network whose numeric check takes minutes: 60 products of 300 x 300 matrices a pass. It is
     * past any time limit the tests set, and the evaluator checks for interruption between products.
     */
    static String slow() {
        StringBuilder b = new StringBuilder("A : 300 x 300\nX : 300 x 300\nH0 = X\n");
        for (int i = 1; i <= 60; i++) b.append("H").append(i).append(" = tanh(A*H").append(i - 1).append(")\n");
        return b.append("L = sum(H60)\nderive L wrt A\n").toString();
    }
}
