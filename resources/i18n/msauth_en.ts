<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>LocalProxy</name>
    <message numerus="yes">
        <source>Local proxy: %n more failure(s) not shown</source>
        <translation>
            <numerusform>Local proxy: %n more failure not shown</numerusform>
            <numerusform>Local proxy: %n more failures not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Local proxy: %n request(s) forwarded so far</source>
        <translation>
            <numerusform>Local proxy: %n request forwarded so far</numerusform>
            <numerusform>Local proxy: %n requests forwarded so far</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileController</name>
    <message numerus="yes">
        <source>Exported %n profile(s), without secrets, to {path}.</source>
        <translation>
            <numerusform>Exported %n profile, without secrets, to {path}.</numerusform>
            <numerusform>Exported %n profiles, without secrets, to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source> line(s)</source>
        <translation>
            <numerusform> line</numerusform>
            <numerusform> lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n passed</numerusform>
            <numerusform>%n passed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n info</source>
        <translation>
            <numerusform>%n info</numerusform>
            <numerusform>%n info</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plurals</name>
    <message numerus="yes">
        <source>too long ({length} character(s); at most {most})</source>
        <translation>
            <numerusform>too long ({length} character; at most {most})</numerusform>
            <numerusform>too long ({length} characters; at most {most})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the answer is too large ({size} byte(s))</source>
        <translation>
            <numerusform>the answer is too large ({size} byte)</numerusform>
            <numerusform>the answer is too large ({size} bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the answer is too large (over {size} byte(s))</source>
        <translation>
            <numerusform>the answer is too large (over {size} byte)</numerusform>
            <numerusform>the answer is too large (over {size} bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the {what} is too long ({length} character(s); at most {most})</source>
        <translation>
            <numerusform>the {what} is too long ({length} character; at most {most})</numerusform>
            <numerusform>the {what} is too long ({length} characters; at most {most})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it is not JSON, and too large for a token object ({size} character(s))</source>
        <translation>
            <numerusform>it is not JSON, and too large for a token object ({size} character)</numerusform>
            <numerusform>it is not JSON, and too large for a token object ({size} characters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate is trusted but expires in {days} day(s).</source>
        <translation>
            <numerusform>The certificate is trusted but expires in {days} day.</numerusform>
            <numerusform>The certificate is trusted but expires in {days} days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s) from {file}.</source>
        <translation>
            <numerusform>Imported %n profile from {file}.</numerusform>
            <numerusform>Imported %n profiles from {file}.</numerusform>
        </translation>
    </message>
</context>
</TS>
