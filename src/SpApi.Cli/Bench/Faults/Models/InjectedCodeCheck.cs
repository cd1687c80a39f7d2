using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SpApi.Cli.Bench.Faults.Models;

/// <summary>
/// Decides whether generated C# let model text become code. Hostile model text carries <see cref="Marker"/> inside a
/// payload that would run as a call if it escaped its context (<c>"); SpApiInjected(); //</c>). The generated files
/// are parsed with Roslyn and three things are checked:
/// <list type="number">
/// <item>every file parses without errors;</item>
/// <item>every occurrence of the marker sits inside a string or char literal, a comment or an XML doc comment, or is
/// part of a name the generated code itself declares (a sanitised identifier); anywhere else (a call, a
/// preprocessor line, disabled text) it is code;</item>
/// <item>the syntax tree of each hostile file has the same shape (node kinds, preprocessor directives) as the file made
/// from the benign twin, the same model with a harmless value in the same place: an extra member, statement or
/// expression means the model added code, even code that declares its own names.</item>
/// </list>
/// </summary>
internal static partial class InjectedCodeCheck
{
    public const string Marker = "SpApiInjected";

    /// <summary>Files generated for every model of a run (catalog, registrations); they have no twin and get the marker check only.</summary>
    private const string SharedPrefix = "SpApi.Clients.";

    /// <summary>
    /// Findings (empty when harmless) for <paramref name="files"/> (generated file name to text): the benign twin's
    /// files start with <paramref name="twinPrefix"/> (its namespace, e.g. <c>SpApi.Benign.V0</c>); the hostile model's
    /// are the others except the shared ones, all of one namespace (the model's file name picks it, sanitised).
    /// </summary>
    public static IReadOnlyList<string> Find(IReadOnlyDictionary<string, string> files, string twinPrefix)
    {
        var findings = new List<string>();
        if (files.Count == 0) return ["the generator reported success but wrote no file"];
        var trees = files.ToDictionary(f => f.Key, f => CSharpSyntaxTree.ParseText(f.Value, path: f.Key), StringComparer.Ordinal);
        foreach (var (name, tree) in trees)
            foreach (var error in tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3))
                findings.Add($"{name} does not parse: {error.GetMessage()} at {Line(error.Location)}: {Near(tree, error.Location.SourceSpan.Start)}");

        var declared = trees.Values.SelectMany(t => DeclaredNames(t.GetRoot())).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, tree) in trees)
            findings.AddRange(MarkersOutsideData(name, tree, declared));

        var hostile = trees.Keys.Where(n => !n.StartsWith(SharedPrefix, StringComparison.Ordinal) && !Of(n, twinPrefix)).ToArray();
        var prefixes = hostile.Select(Namespace).Distinct(StringComparer.Ordinal).ToArray();
        if (prefixes.Length > 1 || prefixes.Any(p => !PlainNamespace().IsMatch(p)))
            findings.Add($"the hostile model chose generated file names: {string.Join(", ", hostile)}");
        var hostilePrefix = prefixes.FirstOrDefault() ?? "";
        foreach (var name in hostile.Where(n => Of(n, hostilePrefix)))
        {
            var twin = twinPrefix + name[hostilePrefix.Length..];
            if (!trees.TryGetValue(twin, out var twinTree)) findings.Add($"{name} has no counterpart {twin} from the benign model");
            else if (ShapeDifference(trees[name], twinTree) is { } difference) findings.Add($"{name} differs in shape from the benign model's {twin}: {difference}");
        }
        foreach (var name in trees.Keys.Where(n => Of(n, twinPrefix) && !trees.ContainsKey(hostilePrefix + n[twinPrefix.Length..])))
            findings.Add($"the hostile model generated no counterpart of {name}");
        return findings;
    }

    /// <summary>The namespace a generated file belongs to: <c>SpApi.Orders.V0.Operations.g.cs</c> gives <c>SpApi.Orders.V0</c>.</summary>
    private static string Namespace(string fileName)
    {
        var stem = fileName.EndsWith(".g.cs", StringComparison.Ordinal) ? fileName[..^".g.cs".Length] : fileName;
        foreach (var part in new[] { ".Operations", ".Paging" })
            if (stem.EndsWith(part, StringComparison.Ordinal)) return stem[..^part.Length];
        return stem;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^SpApi\.[A-Za-z][A-Za-z0-9]*\.V[0-9_]+$")]
    private static partial System.Text.RegularExpressions.Regex PlainNamespace();

    private static bool Of(string fileName, string prefix) =>
        fileName.StartsWith(prefix, StringComparison.Ordinal) && fileName.Length > prefix.Length && fileName[prefix.Length] == '.';

    private static IEnumerable<string> MarkersOutsideData(string name, SyntaxTree tree, HashSet<string> declared)
    {
        var text = tree.GetText().ToString();
        var root = tree.GetRoot();
        for (var at = text.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Marker, at + Marker.Length, StringComparison.Ordinal))
        {
            var trivia = root.FindTrivia(at);
            if (trivia.Span.Contains(at))
            {
                if (!IsComment(trivia)) yield return $"{name} line {Line(tree, at)}: model text in {trivia.Kind()}: {Near(tree, at)}";
                continue;
            }
            var token = root.FindToken(at);
            if (IsLiteral(token) || (token.IsKind(SyntaxKind.IdentifierToken) && declared.Contains(token.ValueText))) continue;
            yield return $"{name} line {Line(tree, at)}: model text became code ({token.Kind()} '{token.ValueText}' in {token.Parent?.Kind()}): {Near(tree, at)}";
        }
    }

    private static bool IsComment(SyntaxTrivia trivia) => trivia.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
        or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia;

    private static bool IsLiteral(SyntaxToken token) => token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken
        or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
        or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken;

    /// <summary>Every name the code declares: types, members, enum members, parameters, locals, namespace parts.</summary>
    private static IEnumerable<string> DeclaredNames(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            var identifier = node switch
            {
                BaseTypeDeclarationSyntax t => t.Identifier,
                DelegateDeclarationSyntax d => d.Identifier,
                MethodDeclarationSyntax m => m.Identifier,
                ConstructorDeclarationSyntax c => c.Identifier,
                PropertyDeclarationSyntax p => p.Identifier,
                EventDeclarationSyntax e => e.Identifier,
                EnumMemberDeclarationSyntax e => e.Identifier,
                VariableDeclaratorSyntax v => v.Identifier,
                ParameterSyntax p => p.Identifier,
                TypeParameterSyntax t => t.Identifier,
                LocalFunctionStatementSyntax l => l.Identifier,
                SingleVariableDesignationSyntax s => s.Identifier,
                ForEachStatementSyntax f => f.Identifier,
                CatchDeclarationSyntax c => c.Identifier,
                _ => default,
            };
            if (identifier.ValueText is { Length: > 0 } text) yield return text;
            if (node is BaseNamespaceDeclarationSyntax ns)
                foreach (var part in ns.Name.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()) yield return part.Identifier.ValueText;
        }
    }

    /// <summary>Where two trees first differ in node kinds or preprocessor directives; null when they have the same shape.</summary>
    private static string? ShapeDifference(SyntaxTree hostile, SyntaxTree twin)
    {
        var a = Shape(hostile.GetRoot()).GetEnumerator();
        var b = Shape(twin.GetRoot()).GetEnumerator();
        while (true)
        {
            var moreA = a.MoveNext();
            var moreB = b.MoveNext();
            if (!moreA && !moreB) return null;
            if (moreA && moreB && a.Current.Kind == b.Current.Kind) continue;
            return moreA
                ? $"{a.Current.Kind} at line {Line(hostile, a.Current.At)} where the benign model has {(moreB ? b.Current.Kind.ToString() : "nothing")}: {Near(hostile, a.Current.At)}"
                : $"the benign model has {b.Current.Kind} at line {Line(twin, b.Current.At)}, the hostile one nothing";
        }
    }

    /// <summary>The kind of every node and of every preprocessor directive, in order (doc comments and names left out).</summary>
    private static IEnumerable<(SyntaxKind Kind, int At)> Shape(SyntaxNode root)
    {
        foreach (var item in root.DescendantNodesAndTokensAndSelf(descendIntoTrivia: false))
        {
            if (item.IsNode)
            {
                yield return (item.Kind(), item.SpanStart);
                continue;
            }
            var token = item.AsToken();
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
                if (trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia))
                    yield return (trivia.Kind(), trivia.SpanStart);
        }
    }

    private static int Line(SyntaxTree tree, int at) => tree.GetLineSpan(new TextSpan(at, 0)).StartLinePosition.Line + 1;

    private static string Line(Location location) => $"line {location.GetLineSpan().StartLinePosition.Line + 1}";

    private static string Near(SyntaxTree tree, int at)
    {
        var line = tree.GetText().Lines.GetLineFromPosition(Math.Min(at, tree.Length)).ToString().Trim();
        return line.Length <= 160 ? line : line[..160] + "…";
    }
}
