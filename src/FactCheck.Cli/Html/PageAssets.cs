namespace FactCheck.Cli.Html;

/// <summary>The page's inline style and script: no file, font or library is fetched when it is opened.</summary>
internal static class PageAssets
{
    /// <summary>Nothing may be loaded from anywhere: only the page's own inline style and script run.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    // Colours checked for WCAG AA contrast (4.5:1 or more) against their backgrounds.
    public const string Style = """
        :root{--fg:#1b1b1b;--muted:#4a4a4a;--bg:#fff;--line:#c8c8c8;--err:#a4161a;--warn:#7a4b00;--info:#1d4e89;--mark:#ffe08a;--accent:#0b5394}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        a{color:var(--accent)}
        a:focus,select:focus,button:focus,summary:focus{outline:3px solid #ff9f1c;outline-offset:2px}
        .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:2}
        header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
        header{border-bottom:1px solid var(--line);padding-bottom:.5rem}
        h1{font-size:1.6rem;margin:.8rem 0 .2rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid var(--line)}h3{font-size:1.05rem;margin:1rem 0 .3rem}
        nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.3rem 0}
        .counts{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
        .counts li{border:1px solid var(--line);border-radius:4px;padding:.1rem .5rem}
        .sev{display:inline-block;font-size:.8rem;font-weight:700;border-radius:3px;padding:0 .35rem;color:#fff;text-transform:uppercase}
        .sev-error{background:var(--err)}.sev-warning{background:var(--warn)}.sev-info{background:var(--info)}
        .filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;background:#f4f4f4;padding:.6rem;border-radius:4px}
        .filters label{display:flex;flex-direction:column;font-size:.9rem;font-weight:600}
        select,button{font:inherit;padding:.25rem;min-height:2.2rem;max-width:100%}
        ul.findings{list-style:none;padding:0;margin:0}
        .finding{border-left:4px solid var(--line);padding:.3rem .6rem;margin:.4rem 0;background:#fafafa;overflow-wrap:anywhere}
        .finding[data-severity=error]{border-color:var(--err)}.finding[data-severity=warning]{border-color:var(--warn)}.finding[data-severity=info]{border-color:var(--info)}
        .where,.meta{color:var(--muted);font-size:.9rem}
        .claim,.source{border:1px solid var(--line);border-radius:4px;padding:.5rem .8rem;margin:.8rem 0;overflow-wrap:anywhere}
        .claim:target,.source:target{outline:3px solid #ff9f1c}
        .printings{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.6rem}
        .printing{border:1px solid var(--line);border-radius:4px;padding:.4rem .6rem;background:#fcfcfc}
        .printing blockquote{margin:.3rem 0;font-style:italic}
        mark{background:var(--mark);color:#000;padding:0 .1em}
        del{background:#fde2e1;color:#7a0c0c;text-decoration:line-through;padding:0 .1em}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0}dt{font-weight:600}dd{margin:0}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid var(--line);padding:.25rem .4rem;vertical-align:top}
        .graph{overflow-x:auto;border:1px solid var(--line)}.graph svg{display:block}
        .legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.9rem;padding:0;list-style:none}
        .note{background:#eef3fa;border-left:4px solid var(--info);padding:.4rem .6rem}
        [hidden]{display:none!important}
        @media (max-width:40rem){body{font-size:15px}dl{grid-template-columns:1fr}dt{margin-top:.3rem}.filters label{width:100%}}
        """;

    /// <summary>Filters findings by severity, rule and source; the choice lives in the address (#severity=warning&amp;rule=...) so it can be linked.</summary>
    public const string Script = """
        (function(){
          var form=document.getElementById('filters');if(!form)return;
          var keys=['severity','rule','source'];
          var items=[].slice.call(document.querySelectorAll('li.finding'));
          var groups=[].slice.call(document.querySelectorAll('.rule-group'));
          var status=document.getElementById('filter-status');
          function read(){var p=new URLSearchParams(location.hash.replace(/^#/,''));keys.forEach(function(k){var s=form.elements[k];var v=p.get(k);if(v!==null&&[].some.call(s.options,function(o){return o.value===v;}))s.value=v;});}
          function apply(){
            var c={};keys.forEach(function(k){c[k]=form.elements[k].value;});
            var shown=0;
            items.forEach(function(li){
              var ok=(!c.severity||li.dataset.severity===c.severity)&&(!c.rule||li.dataset.rule===c.rule)&&(!c.source||(' '+li.dataset.sources+' ').indexOf(' '+c.source+' ')>=0);
              li.hidden=!ok;if(ok)shown++;
            });
            groups.forEach(function(g){g.hidden=!g.querySelector('li.finding:not([hidden])');});
            status.textContent=shown+' of '+items.length+' findings shown';
            document.body.setAttribute('data-filtered',shown+'/'+items.length);
          }
          function write(){var p=new URLSearchParams();keys.forEach(function(k){if(form.elements[k].value)p.set(k,form.elements[k].value);});var h=p.toString();history.replaceState(null,'',h?'#'+h:location.pathname+location.search);}
          form.addEventListener('change',function(){apply();write();});
          form.addEventListener('reset',function(){setTimeout(function(){apply();write();},0);});
          window.addEventListener('hashchange',function(){if(location.hash.indexOf('=')>0){read();apply();}});
          if(location.hash.indexOf('=')>0)read();
          apply();
        })();
        """;
}
