package org.ccft.marts;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import scala.collection.JavaConverters;

/**
 * The tables and views a query reads, found by parsing it (Spark's own parser, no session needed):
 * every relation named in FROM and JOIN clauses and in subqueries, less the query's own CTE names.
 * This is what orders the models: a model is built after every model it reads.
 */
public final class SqlReads {

    private SqlReads() {}

    /** The names the query reads, lower case, sorted. */
    public static Set<String> of(String sql) {
        LogicalPlan plan;
        try {
            plan = CatalystSqlParser$.MODULE$.parsePlan(sql);
        } catch (Exception e) { // Spark's ParseException, unchecked in Scala
            throw new IllegalArgumentException("cannot parse the SQL: " + e.getMessage(), e);
        }
        Set<String> named = new TreeSet<>();
        Set<String> ctes = new HashSet<>();
        visit(plan, named, ctes);
        named.removeAll(ctes);
        return named;
    }

    private static void visit(QueryPlan<?> node, Set<String> named, Set<String> ctes) {
        if (node instanceof UnresolvedRelation relation) {
            List<String> parts = JavaConverters.seqAsJavaList(relation.multipartIdentifier());
            named.add(parts.get(parts.size() - 1).toLowerCase(Locale.ROOT));
        }
        if (node instanceof UnresolvedWith with) {
            JavaConverters.seqAsJavaList(with.cteRelations())
                    .forEach(
                            cte -> {
                                ctes.add(cte._1().toLowerCase(Locale.ROOT));
                                visit(cte._2(), named, ctes);
                            });
        }
        JavaConverters.seqAsJavaList(node.children())
                .forEach(child -> visit((QueryPlan<?>) child, named, ctes));
        JavaConverters.seqAsJavaList(node.expressions())
                .forEach(e -> visitExpression(e, named, ctes));
    }

    private static void visitExpression(Expression e, Set<String> named, Set<String> ctes) {
        if (e instanceof SubqueryExpression subquery) {
            visit(subquery.plan(), named, ctes);
        }
        JavaConverters.seqAsJavaList(e.children())
                .forEach(child -> visitExpression(child, named, ctes));
    }
}
