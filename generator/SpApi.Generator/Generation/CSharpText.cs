using System.Globalization;
using System.Text;

namespace SpApi.Generator.Generation;

/// <summary>Text from a data file as a C# string literal: every character that could end or bend the literal is escaped.</summary>
public static class CSharpText
{
    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case var _ when c < ' ' || c is '\u0085' or '\u2028' or '\u2029':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
