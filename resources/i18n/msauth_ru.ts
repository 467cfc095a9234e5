<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Getting started</source>
        <translation>Начало работы</translation>
    </message>
    <message>
        <source>The window</source>
        <translation>Окно программы</translation>
    </message>
    <message>
        <source>Check server</source>
        <translation>Проверка сервера</translation>
    </message>
    <message>
        <source>The command line</source>
        <translation>Командная строка</translation>
    </message>
    <message>
        <source>Profiles and saved passwords</source>
        <translation>Профили и сохранённые пароли</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Безопасность</translation>
    </message>
    <message>
        <source>Signs in to Mobile SMARTS servers, keeps the token fresh and copies it for API testing.</source>
        <translation>Выполняет вход на серверы Mobile SMARTS, вовремя обновляет токен и копирует его для тестирования API.</translation>
    </message>
    <message>
        <source>Licence: {licence}.</source>
        <translation>Лицензия: {licence}.</translation>
    </message>
    <message>
        <source>README.md, the manual, has these sections:</source>
        <translation>Разделы руководства README.md:</translation>
    </message>
    <message>
        <source>About msauth-gui</source>
        <translation>О программе msauth-gui</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Closes this window.</source>
        <translation>Закрывает это окно.</translation>
    </message>
</context>
<context>
    <name>ActivityLog</name>
    <message>
        <source>Activity log: every request, newest last. Arrow keys move through it; Tab leaves it.</source>
        <translation>Журнал действий: все запросы, новые внизу. Стрелки — перемещение по журналу, Tab — выход из него.</translation>
    </message>
    <message>
        <source>Requests appear here: time, method, URL, status, duration.</source>
        <translation>Здесь появляются запросы: время, метод, адрес, код ответа, длительность.</translation>
    </message>
    <message>
        <source>Copy log</source>
        <translation>Скопировать журнал</translation>
    </message>
    <message>
        <source>Copies the whole activity log; secrets are already removed from it.</source>
        <translation>Копирует весь журнал действий; секреты из него уже удалены.</translation>
    </message>
    <message>
        <source>Copy the whole activity log (secrets are already removed)</source>
        <translation>Скопировать весь журнал действий (секреты уже удалены)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Clear log</source>
        <translation>Очистить журнал</translation>
    </message>
    <message>
        <source>Empties the activity log.</source>
        <translation>Очищает журнал действий.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Журнал действий</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Журнал действий</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check server</source>
        <translation>Проверка сервера</translation>
    </message>
    <message>
        <source>Checks the server&apos;s sign-in set-up step by step and says what to fix.</source>
        <translation>Шаг за шагом проверяет настройку входа на сервере и подсказывает, что исправить.</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Проверка ещё не выполнялась.</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Ход проверки</translation>
    </message>
    <message>
        <source>%v of %m checks done</source>
        <translation>Выполнено проверок: %v из %m</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Проверить снова</translation>
    </message>
    <message>
        <source>Check again with the form&apos;s current settings</source>
        <translation>Проверить снова с текущими настройками формы</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Скопировать отчёт</translation>
    </message>
    <message>
        <source>Copy the report as Markdown (no secrets in it)</source>
        <translation>Скопировать отчёт в формате Markdown (секретов в нём нет)</translation>
    </message>
    <message>
        <source>Save the report as Markdown (.md) or JSON (.json)</source>
        <translation>Сохранить отчёт в формате Markdown (.md) или JSON (.json)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Checks again with the main window&apos;s current settings.</source>
        <translation>Проверяет снова с текущими настройками главного окна.</translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation>&amp;Проверить снова</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>С&amp;копировать отчёт</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Сохранить отчёт…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Copies the report as Markdown; it holds no secrets.</source>
        <translation>Копирует отчёт в формате Markdown; секретов в нём нет.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <source>Saves the report as Markdown or JSON.</source>
        <translation>Сохраняет отчёт в формате Markdown или JSON.</translation>
    </message>
    <message>
        <source>Closes this window; a running check stops.</source>
        <translation>Закрывает это окно; незавершённая проверка прерывается.</translation>
    </message>
    <message>
        <source>Fix the fields marked in red in the main window first.</source>
        <translation>Сначала исправьте поля, отмеченные красным, в главном окне.</translation>
    </message>
    <message>
        <source>Checking {server}…</source>
        <translation>Идёт проверка: {server}…</translation>
    </message>
    <message>
        <source>Stopped: the check&apos;s late results are ignored.</source>
        <translation>Проверка остановлена: результаты, пришедшие позже, не учитываются.</translation>
    </message>
    <message>
        <source>no report</source>
        <translation>нет отчёта</translation>
    </message>
    <message>
        <source>Could not check: {error}</source>
        <translation>Проверить не удалось: {error}</translation>
    </message>
    <message>
        <source>{counts} · took {ms} ms</source>
        <translation>{counts} · за {ms} мс</translation>
    </message>
    <message>
        <source>Report copied to the clipboard as Markdown.</source>
        <translation>Отчёт скопирован в буфер обмена в формате Markdown.</translation>
    </message>
    <message>
        <source>Could not save {path}: {error}</source>
        <translation>Не удалось сохранить {path}: {error}</translation>
    </message>
    <message>
        <source>Report saved to {path}.</source>
        <translation>Отчёт сохранён в {path}.</translation>
    </message>
</context>
<context>
    <name>CheckTable</name>
    <message>
        <source>Pass</source>
        <translation>Пройдена</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Не пройдена</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущена</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <source>What it means / what to do</source>
        <translation>Что это значит / что делать</translation>
    </message>
    <message>
        <source>Server check of {server}: {counts} in {ms} ms. {verdict}</source>
        <translation>Проверка сервера {server}: {counts} за {ms} мс. {verdict}</translation>
    </message>
    <message>
        <source>To do: {action}</source>
        <translation>Что делать: {action}</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Результаты проверки</translation>
    </message>
    <message>
        <source>One row per check: its result word, what happened and what to do. Arrow keys move between cells; Tab leaves the table.</source>
        <translation>По строке на каждую проверку: результат, что произошло и что делать. Стрелки — перемещение по ячейкам, Tab — выход из таблицы.</translation>
    </message>
    <message>
        <source>Tried: {tried}</source>
        <translation>Что пробовали: {tried}</translation>
    </message>
    <message>
        <source>Took {ms} ms</source>
        <translation>Время: {ms} мс</translation>
    </message>
</context>
<context>
    <name>ConnectionOptions</name>
    <message>
        <source>CA certificate bundle</source>
        <translation>Файл сертификатов ЦС</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Сертификаты (*.pem *.crt *.cer);;Все файлы (*)</translation>
    </message>
    <message>
        <source>OAuth client id; the vendor&apos;s example is 123.</source>
        <translation>ID клиента OAuth; в примере производителя — 123.</translation>
    </message>
    <message>
        <source>OAuth client secret; hidden unless edited. The example is user.</source>
        <translation>Секрет клиента OAuth; скрыт, пока его не меняют. В примере производителя — user.</translation>
    </message>
    <message>
        <source>Token URL</source>
        <translation>Адрес выдачи токенов</translation>
    </message>
    <message>
        <source>Probe path</source>
        <translation>Путь пробного запроса</translation>
    </message>
    <message>
        <source>The API path called to check a token; empty means the default.</source>
        <translation>Путь API, по которому пробный запрос проверяет токен; пусто — путь по умолчанию.</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Файл сертификатов ЦС</translation>
    </message>
    <message>
        <source>File of CA certificates to trust; empty means the system certificates.</source>
        <translation>Файл сертификатов ЦС, которым нужно доверять; пусто — системные сертификаты.</translation>
    </message>
    <message>
        <source>system certificates</source>
        <translation>системные сертификаты</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Browse for CA bundle</source>
        <translation>Выбрать файл сертификатов ЦС</translation>
    </message>
    <message>
        <source>Opens a file dialog to choose the CA certificate file.</source>
        <translation>Открывает окно выбора файла сертификатов ЦС.</translation>
    </message>
    <message>
        <source>&amp;Verify TLS certificates</source>
        <translation>Провер&amp;ять сертификаты TLS</translation>
    </message>
    <message>
        <source>Verify TLS certificates</source>
        <translation>Проверять сертификаты TLS</translation>
    </message>
    <message>
        <source>Unchecking it shows a warning: anyone on the network could read secrets.</source>
        <translation>Если снять флажок, появится предупреждение: любой в сети сможет прочитать секреты.</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Время ожидания</translation>
    </message>
    <message>
        <source>Seconds to wait for the server&apos;s answer to each request.</source>
        <translation>Сколько секунд ждать ответа сервера на каждый запрос.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>ID кли&amp;ента:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Сек&amp;рет клиента:</translation>
    </message>
    <message>
        <source>Token &amp;URL:</source>
        <translation>Адрес выдачи &amp;токенов:</translation>
    </message>
    <message>
        <source>Pro&amp;be path:</source>
        <translation>П&amp;уть пробного запроса:</translation>
    </message>
    <message>
        <source>CA bun&amp;dle:</source>
        <translation>Файл сертификатов &amp;ЦС:</translation>
    </message>
    <message>
        <source>Time&amp;out:</source>
        <translation>Время о&amp;жидания:</translation>
    </message>
    <message>
        <source>base64 (RFC 7617)</source>
        <translation>base64 (стандарт RFC 7617)</translation>
    </message>
    <message>
        <source>Where OAuth tokens come from; empty means found automatically on the server. Typing a URL turns that off.</source>
        <translation>Адрес, по которому сервер выдаёт токены OAuth; пусто — адрес ищется на сервере автоматически. Введённый адрес отключает поиск.</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>ищется автоматически</translation>
    </message>
    <message>
        <source>Basic spelling</source>
        <translation>Кодировка Basic</translation>
    </message>
    <message>
        <source>How Basic sends the login and password: base64 (the standard) or raw login:password, for a server that accepts only the form the vendor page prints.</source>
        <translation>Как Basic передаёт логин и пароль: в base64 (по стандарту) или без кодирования (логин:пароль) — для сервера, который принимает только такой вид, как на странице производителя.</translation>
    </message>
    <message>
        <source>raw login:password</source>
        <translation>без кодирования (логин:пароль)</translation>
    </message>
    <message>
        <source>Basic spellin&amp;g:</source>
        <translation>Кодировк&amp;а Basic:</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>ID клиента</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Секрет клиента</translation>
    </message>
</context>
<context>
    <name>IntegratorTools</name>
    <message>
        <source>&amp;bash, zsh (Linux, macOS)</source>
        <translation>&amp;bash, zsh (Linux и macOS)</translation>
    </message>
    <message>
        <source>curl command for bash</source>
        <translation>команда curl для bash</translation>
    </message>
    <message>
        <source>&amp;cmd (Windows)</source>
        <translation>&amp;cmd (командная строка Windows)</translation>
    </message>
    <message>
        <source>curl command for cmd</source>
        <translation>команда curl для cmd</translation>
    </message>
    <message>
        <source>&amp;PowerShell (Invoke-RestMethod)</source>
        <translation>&amp;PowerShell (через Invoke-RestMethod)</translation>
    </message>
    <message>
        <source>PowerShell command</source>
        <translation>команда PowerShell</translation>
    </message>
    <message>
        <source>Copy as curl &amp;for</source>
        <translation>Скопировать как curl &amp;для</translation>
    </message>
    <message>
        <source>Token &amp;details…</source>
        <translation>&amp;Подробности о токене…</translation>
    </message>
    <message>
        <source>Copy a command calling the probe endpoint, for {shell}</source>
        <translation>Скопировать команду с пробным запросом для {shell}</translation>
    </message>
</context>
<context>
    <name>KeeperSession</name>
    <message>
        <source>The window is signed out: sign in there, then try again.</source>
        <translation>В окне не выполнен вход: войдите в окне и повторите запрос.</translation>
    </message>
    <message>
        <source>The window is signing in: try again in a moment.</source>
        <translation>В окне выполняется вход: повторите запрос чуть позже.</translation>
    </message>
</context>
<context>
    <name>LocalProxy</name>
    <message>
        <source>Local proxy stopped: signed out.</source>
        <translation>Локальный прокси остановлен: сеанс завершён.</translation>
    </message>
    <message>
        <source>Local proxy stopped.</source>
        <translation>Локальный прокси остановлен.</translation>
    </message>
    <message>
        <source>Local proxy: cannot listen on port {port} ({error}). Choose another port in Settings.</source>
        <translation>Локальный прокси: не удаётся занять порт {port} ({error}). Выберите другой порт в настройках.</translation>
    </message>
    <message>
        <source>Local proxy at {url} serves {api}, read-only, to this computer.</source>
        <translation>Локальный прокси {url} открывает этому компьютеру доступ к {api} только для чтения.</translation>
    </message>
    <message>
        <source>Local proxy at {url} serves {api} to this computer.</source>
        <translation>Локальный прокси {url} открывает этому компьютеру доступ к {api}.</translation>
    </message>
    <message>
        <source>Local proxy restarting…</source>
        <translation>Локальный прокси перезапускается…</translation>
    </message>
    <message>
        <source>Local proxy address copied.</source>
        <translation>Адрес локального прокси скопирован.</translation>
    </message>
    <message>
        <source>Local proxy: {line}</source>
        <translation>Локальный прокси: {line}</translation>
    </message>
    <message numerus="yes">
        <source>Local proxy: %n more failure(s) not shown</source>
        <translation>
            <numerusform>Локальный прокси: ещё %n сбой не показан</numerusform>
            <numerusform>Локальный прокси: ещё %n сбоя не показаны</numerusform>
            <numerusform>Локальный прокси: ещё %n сбоев не показаны</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Local proxy: %n request(s) forwarded so far</source>
        <translation>
            <numerusform>Локальный прокси: всего передан %n запрос</numerusform>
            <numerusform>Локальный прокси: всего передано %n запроса</numerusform>
            <numerusform>Локальный прокси: всего передано %n запросов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>this window was opened without the system keyring</source>
        <translation>окно открыто без системного хранилища паролей</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Завершить сеанс</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Обновить токен</translation>
    </message>
    <message>
        <source>&amp;Test token</source>
        <translation>&amp;Проверить токен</translation>
    </message>
    <message>
        <source>Copy &amp;token</source>
        <translation>Скопировать &amp;токен</translation>
    </message>
    <message>
        <source>Copy &amp;header</source>
        <translation>Скопировать &amp;заголовок</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Скопировать &amp;как curl</translation>
    </message>
    <message>
        <source>Copy &amp;log</source>
        <translation>Скопировать &amp;журнал</translation>
    </message>
    <message>
        <source>Check &amp;server…</source>
        <translation>Проверить &amp;сервер…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Вы&amp;ход</translation>
    </message>
    <message>
        <source>Sessio&amp;n</source>
        <translation>Сеа&amp;нс</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Инструменты</translation>
    </message>
    <message>
        <source>Clipboard cleared.</source>
        <translation>Буфер обмена очищен.</translation>
    </message>
    <message>
        <source>Check the fields marked in red.</source>
        <translation>Проверьте поля, отмеченные красным.</translation>
    </message>
    <message>
        <source>Signing in to {host} as {login} ({method})</source>
        <translation>Вход на {host} под именем {login} ({method})</translation>
    </message>
    <message>
        <source>Resuming the saved session on {host} as {login} ({method})</source>
        <translation>Продолжение сохранённого сеанса на {host} под именем {login} ({method})</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Сначала войдите.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>токен</translation>
    </message>
    <message>
        <source>Authorization header</source>
        <translation>заголовок Authorization</translation>
    </message>
    <message>
        <source>{what} copied; the clipboard is cleared on sign-out and quit.</source>
        <translation>Скопировано: {what}; буфер обмена будет очищен при завершении сеанса или выходе из программы.</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>Предупреждение: {text}</translation>
    </message>
    <message>
        <source>Error: {text}</source>
        <translation>Ошибка: {text}</translation>
    </message>
    <message>
        <source>The token works: {url} answered HTTP {status}.</source>
        <translation>Токен работает: {url} ответил HTTP {status}.</translation>
    </message>
    <message>
        <source>&amp;About msauth-gui</source>
        <translation>&amp;О программе msauth-gui</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Спра&amp;вка</translation>
    </message>
    <message>
        <source>{what} copied; the clipboard is cleared in {seconds} s.</source>
        <translation>Скопировано: {what}; буфер обмена будет очищен через {seconds} с.</translation>
    </message>
    <message>
        <source>{what} copied</source>
        <translation>Скопировано: {what}</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Новый язык будет использоваться со следующего запуска.</translation>
    </message>
</context>
<context>
    <name>ProfileBar</name>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Saved servers and accounts; choosing one fills the form.</source>
        <translation>Сохранённые серверы и учётные записи; выбор заполняет форму.</translation>
    </message>
    <message>
        <source>Saved servers: choosing one fills the form</source>
        <translation>Сохранённые серверы: выбор заполняет форму</translation>
    </message>
    <message>
        <source>P&amp;rofile:</source>
        <translation>Пр&amp;офиль:</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <source>A new, empty profile</source>
        <translation>Создать пустой профиль</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Rename this profile</source>
        <translation>Переименовать этот профиль</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>Дублировать…</translation>
    </message>
    <message>
        <source>A copy of this profile</source>
        <translation>Создать копию этого профиля</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete this profile and its saved secrets</source>
        <translation>Удалить этот профиль и сохранённые для него секреты</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Создать профиль</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>Переименовать профиль</translation>
    </message>
    <message>
        <source>Duplicate profile</source>
        <translation>Дублировать профиль</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Удалить профиль</translation>
    </message>
</context>
<context>
    <name>ProfileController</name>
    <message>
        <source>Default</source>
        <translation>Основной</translation>
    </message>
    <message>
        <source>&amp;Import profiles…</source>
        <translation>&amp;Импорт профилей…</translation>
    </message>
    <message>
        <source>&amp;Export profiles…</source>
        <translation>&amp;Экспорт профилей…</translation>
    </message>
    <message>
        <source>A profile named “{name}” exists already; choose another name.</source>
        <translation>Профиль «{name}» уже есть; выберите другое имя.</translation>
    </message>
    <message>
        <source>New server</source>
        <translation>Новый сервер</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Новый профиль</translation>
    </message>
    <message>
        <source>Duplicate profile</source>
        <translation>Дублирование профиля</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>Переименование профиля</translation>
    </message>
    <message>
        <source>Delete the profile “{name}” and the password and session saved for it?</source>
        <translation>Удалить профиль «{name}», а также сохранённые для него пароль и сеанс?</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Удаление профиля</translation>
    </message>
    <message>
        <source>Profile “{name}” deleted</source>
        <translation>Профиль «{name}» удалён</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n profile(s), without secrets, to {path}.</source>
        <translation>
            <numerusform>Экспортирован %n профиль (без секретов) в {path}.</numerusform>
            <numerusform>Экспортировано %n профиля (без секретов) в {path}.</numerusform>
            <numerusform>Экспортировано %n профилей (без секретов) в {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>You are signed in with it: deleting it signs you out.</source>
        <translation>Вы вошли с этим профилем: удаление завершит сеанс.</translation>
    </message>
    <message>
        <source>“{name}” has a client secret of its own, which is never exported: enter it again under Advanced → Client secret.</source>
        <translation>У профиля «{name}» свой секрет клиента, а секреты не экспортируются: введите его заново в разделе «Дополнительно» → «Секрет клиента».</translation>
    </message>
</context>
<context>
    <name>ProfileFileDialog</name>
    <message>
        <source>Profiles (*.json);;All files (*)</source>
        <translation>Профили (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Export profiles</source>
        <translation>Экспорт профилей</translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation>Импорт профилей</translation>
    </message>
</context>
<context>
    <name>ProfileNameDialog</name>
    <message>
        <source>Profile name</source>
        <translation>Имя профиля</translation>
    </message>
    <message>
        <source>The name in the profile list; it must differ from the other profiles.</source>
        <translation>Имя в списке профилей; оно должно отличаться от имён других профилей.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>&amp;Имя профиля:</translation>
    </message>
</context>
<context>
    <name>ProfileSecrets</name>
    <message>
        <source>The client secret of “{name}” is not saved: {reason}</source>
        <translation>Секрет клиента профиля «{name}» не сохранён: {reason}</translation>
    </message>
    <message>
        <source>The saved secrets of “{name}” could not be removed: {reason}</source>
        <translation>Не удалось удалить сохранённые секреты профиля «{name}»: {reason}</translation>
    </message>
</context>
<context>
    <name>ProxyRow</name>
    <message>
        <source>Local proxy</source>
        <translation>Локальный прокси</translation>
    </message>
    <message>
        <source>Serves this session on this computer: other tools send requests to the address next to it without a token.</source>
        <translation>Открывает этот сеанс программам на этом компьютере: они отправляют запросы на адрес рядом, без токена.</translation>
    </message>
    <message>
        <source>Let other programs (curl, 1C) use this session without a token</source>
        <translation>Дать другим программам (curl, 1С) пользоваться этим сеансом без токена</translation>
    </message>
    <message>
        <source>Local proxy address</source>
        <translation>Адрес локального прокси</translation>
    </message>
    <message>
        <source>The local proxy&apos;s address, while it runs.</source>
        <translation>Адрес локального прокси, пока он работает.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выключен</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Скопировать</translation>
    </message>
    <message>
        <source>Copy proxy address</source>
        <translation>Скопировать адрес прокси</translation>
    </message>
    <message>
        <source>Copies the local proxy&apos;s address.</source>
        <translation>Копирует адрес локального прокси.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Типы файлов:</translation>
    </message>
</context>
<context>
    <name>SecretOptions</name>
    <message>
        <source>Keep this profile&apos;s password in the system keyring</source>
        <translation>Хранить пароль этого профиля в системном хранилище паролей</translation>
    </message>
    <message>
        <source>Keep the refresh token in the system keyring: the next start continues the session with one refresh, without the password</source>
        <translation>Хранить токен обновления в системном хранилище паролей: при следующем запуске сеанс продолжится одним обновлением, без пароля</translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation>Запомнить пароль</translation>
    </message>
    <message>
        <source>Keeps this profile&apos;s password in the system keyring.</source>
        <translation>Хранит пароль этого профиля в системном хранилище паролей.</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>Сохранять сеанс</translation>
    </message>
    <message>
        <source>Keeps the session in the system keyring; the next start continues it.</source>
        <translation>Хранит сеанс в системном хранилище паролей; при следующем запуске он продолжится.</translation>
    </message>
    <message>
        <source>Not available: {reason}</source>
        <translation>Недоступно: {reason}</translation>
    </message>
    <message>
        <source>Passwords and sessions cannot be saved: {reason}</source>
        <translation>Пароли и сеансы нельзя сохранить: {reason}</translation>
    </message>
    <message>
        <source>checking the keyring…</source>
        <translation>проверка хранилища паролей…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Clear copied secrets</source>
        <translation>Очищать скопированные секреты</translation>
    </message>
    <message>
        <source>Clears a copied token from the clipboard after the delay next to it.</source>
        <translation>Убирает скопированный токен из буфера обмена через время, указанное рядом.</translation>
    </message>
    <message>
        <source>Clipboard clearing delay</source>
        <translation>Задержка очистки буфера обмена</translation>
    </message>
    <message>
        <source>Seconds after which a copied secret leaves the clipboard.</source>
        <translation>Через сколько секунд скопированный секрет убирается из буфера обмена.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Refresh point</source>
        <translation>Момент обновления</translation>
    </message>
    <message>
        <source>How much of the token&apos;s lifetime passes before it is renewed, in percent.</source>
        <translation>Какая часть срока действия токена (в процентах) проходит до его обновления.</translation>
    </message>
    <message>
        <source> % of the lifetime</source>
        <translation> % срока действия</translation>
    </message>
    <message>
        <source>When the refresh token is refused, &amp;sign in again with the password</source>
        <translation>Если токен обновления отклонён, &amp;входить снова с паролем</translation>
    </message>
    <message>
        <source>Sign in again when needed</source>
        <translation>Входить снова при необходимости</translation>
    </message>
    <message>
        <source>Signs in again with the password in memory when the refresh is refused.</source>
        <translation>Снова выполняет вход с паролем из памяти, если обновление отклонено.</translation>
    </message>
    <message>
        <source>Activity log size</source>
        <translation>Размер журнала действий</translation>
    </message>
    <message>
        <source>How many lines the activity log keeps before dropping the oldest.</source>
        <translation>Сколько строк хранит журнал действий, прежде чем удалять самые старые.</translation>
    </message>
    <message>
        <source>&amp;Clear copied secrets after</source>
        <translation>О&amp;чищать скопированные секреты через</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The language of the window and the command line.</source>
        <translation>Язык окна и командной строки.</translation>
    </message>
    <message>
        <source>The window and msauth speak this language from the next start</source>
        <translation>Окно и msauth перейдут на этот язык со следующего запуска</translation>
    </message>
    <message>
        <source>Takes effect at the next start.</source>
        <translation>Вступит в силу при следующем запуске.</translation>
    </message>
    <message>
        <source>Show &amp;tray icon</source>
        <translation>Показывать &amp;значок в области уведомлений</translation>
    </message>
    <message>
        <source>Show tray icon</source>
        <translation>Показывать значок в области уведомлений</translation>
    </message>
    <message>
        <source>Shows the token&apos;s state in the system tray, with copy and refresh.</source>
        <translation>Показывает состояние токена в области уведомлений, с копированием и обновлением.</translation>
    </message>
    <message>
        <source>The token&apos;s state in the system tray, with copy and refresh</source>
        <translation>Состояние токена в области уведомлений, с копированием и обновлением</translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation>В этой среде рабочего стола нет области уведомлений</translation>
    </message>
    <message>
        <source>Read-&amp;only: refuse POST, PUT, PATCH and DELETE</source>
        <translation>&amp;Только чтение: отклонять POST, PUT, PATCH и DELETE</translation>
    </message>
    <message>
        <source>Clipboard:</source>
        <translation>Буфер обмена:</translation>
    </message>
    <message>
        <source>&amp;Refresh the token at:</source>
        <translation>&amp;Обновлять токен по истечении:</translation>
    </message>
    <message>
        <source>Activity &amp;log keeps:</source>
        <translation>&amp;Журнал действий хранит:</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Local proxy &amp;port:</source>
        <translation>&amp;Порт локального прокси:</translation>
    </message>
    <message numerus="yes">
        <source> line(s)</source>
        <translation>
            <numerusform> строку</numerusform>
            <numerusform> строки</numerusform>
            <numerusform> строк</numerusform>
        </translation>
    </message>
    <message>
        <source>Local proxy port</source>
        <translation>Порт локального прокси</translation>
    </message>
    <message>
        <source>The port the local proxy listens on; 0 picks a free one each time.</source>
        <translation>Порт, который слушает локальный прокси; 0 — каждый раз любой свободный.</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>любой свободный</translation>
    </message>
    <message>
        <source>Local proxy read-only</source>
        <translation>Локальный прокси только для чтения</translation>
    </message>
    <message>
        <source>The local proxy refuses requests that change data.</source>
        <translation>Локальный прокси отклоняет запросы, которые меняют данные.</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>Session (GET)</source>
        <translation>Сессия (GET)</translation>
    </message>
    <message>
        <source>OAuth password</source>
        <translation>OAuth по паролю</translation>
    </message>
    <message>
        <source>⚠ TLS verification is off: anyone on the network path can read the password and the token. Use this only for a test server.</source>
        <translation>⚠ Проверка TLS отключена: любой посредник в сети может прочитать пароль и токен. Отключайте её только для тестового сервера.</translation>
    </message>
    <message>
        <source>Server URL, for example https://host:9000; the list holds recent servers.</source>
        <translation>Адрес сервера, например https://host:9000; в списке — недавние серверы.</translation>
    </message>
    <message>
        <source>https://host:9000, http://host:9706, …/api/v1, …/MobileSMARTS/api/v1 or host:9000</source>
        <translation>https://host:9000, http://host:9706, …/api/v1, …/MobileSMARTS/api/v1 или host:9000</translation>
    </message>
    <message>
        <source>Login of the account.</source>
        <translation>Логин учётной записи.</translation>
    </message>
    <message>
        <source>Password of the account; not shown. Toggle Show to see it.</source>
        <translation>Пароль учётной записи; не отображается. Отметьте «Показать», чтобы увидеть его.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Показать пароль</translation>
    </message>
    <message>
        <source>Shows the password in plain text while checked.</source>
        <translation>Пока флажок отмечен, пароль виден открытым текстом.</translation>
    </message>
    <message>
        <source>Sign-in method: Basic, Session (GET) or OAuth password.</source>
        <translation>Способ входа: Basic, сессия (GET) или OAuth по паролю.</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>&amp;Дополнительно</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Дополнительные настройки</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Signs in with the server, account and method above (Enter).</source>
        <translation>Выполняет вход с указанными выше сервером, учётной записью и способом (Enter).</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Войти (Enter)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Завершить сеанс</translation>
    </message>
    <message>
        <source>Signs out and forgets the token and the password.</source>
        <translation>Завершает сеанс и забывает токен и пароль.</translation>
    </message>
    <message>
        <source>Sign out and forget the token</source>
        <translation>Завершить сеанс и забыть токен</translation>
    </message>
    <message>
        <source>Check server</source>
        <translation>Проверить сервер</translation>
    </message>
    <message>
        <source>Diagnoses the server&apos;s sign-in set-up in a separate window (Ctrl+K).</source>
        <translation>Проверяет настройку входа на сервере в отдельном окне (Ctrl+K).</translation>
    </message>
    <message>
        <source>Diagnose the server&apos;s sign-in set-up (Ctrl+K)</source>
        <translation>Проверить настройку входа на сервере (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>Спосо&amp;б входа:</translation>
    </message>
    <message>
        <source>Enter the login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message>
        <source>No such file.</source>
        <translation>Такого файла нет.</translation>
    </message>
    <message>
        <source>Shows or hides the client id and secret, token URL, Basic spelling, probe path, CA bundle, TLS verification and timeout.</source>
        <translation>Показывает или скрывает ID и секрет клиента, адрес выдачи токенов, кодировку Basic, путь пробного запроса, файл сертификатов ЦС, проверку TLS и время ожидания.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Способ входа</translation>
    </message>
</context>
<context>
    <name>TokenDetailsDialog</name>
    <message>
        <source>Token details</source>
        <translation>Подробности о токене</translation>
    </message>
    <message>
        <source>Token answer</source>
        <translation>Ответ с токеном</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the last sign-in or refresh, read-only.</source>
        <translation>Ответ сервера на последний вход или обновление, только для чтения.</translation>
    </message>
    <message>
        <source>&amp;Show secrets</source>
        <translation>&amp;Показать секреты</translation>
    </message>
    <message>
        <source>Show secrets</source>
        <translation>Показать секреты</translation>
    </message>
    <message>
        <source>Shows the tokens in the answer; they are hidden again when you close this.</source>
        <translation>Показывает токены в ответе; при закрытии окна они снова скрываются.</translation>
    </message>
    <message>
        <source>Copy &amp;refresh token</source>
        <translation>Скопировать токен &amp;обновления</translation>
    </message>
    <message>
        <source>Copies the refresh token: it gets new access tokens without the password.</source>
        <translation>Копирует токен обновления: по нему новые токены доступа выдаются без пароля.</translation>
    </message>
    <message>
        <source>Copy &amp;expires_in</source>
        <translation>С&amp;копировать expires_in</translation>
    </message>
    <message>
        <source>Copies the seconds the token has left now, as a number.</source>
        <translation>Копирует число секунд до истечения срока действия токена.</translation>
    </message>
    <message>
        <source>Copy expiry &amp;time</source>
        <translation>Скопировать &amp;время истечения</translation>
    </message>
    <message>
        <source>Copies when the token expires, in ISO 8601 with the UTC offset.</source>
        <translation>Копирует время истечения срока действия токена в формате ISO 8601 со смещением от UTC.</translation>
    </message>
    <message>
        <source>Copy “{scheme} …” &amp;value</source>
        <translation>Скопировать &amp;значение «{scheme} …»</translation>
    </message>
    <message>
        <source>Copies the Authorization header&apos;s value without the header name.</source>
        <translation>Копирует значение заголовка Authorization без имени заголовка.</translation>
    </message>
    <message>
        <source>Not signed in: there is no token to show.</source>
        <translation>Вход не выполнен: токена нет.</translation>
    </message>
    <message>
        <source>Basic sign-in has no token answer: the header is the credential.</source>
        <translation>При входе по Basic ответа с токеном нет: учётные данные передаются в самом заголовке.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the last sign-in or refresh, as received:</source>
        <translation>Ответ сервера на последний вход или обновление, как он получен:</translation>
    </message>
    <message>
        <source>Expires: {time}</source>
        <translation>Срок действия: до {time}</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the last sign-in or refresh, secrets hidden:</source>
        <translation>Ответ сервера на последний вход или обновление, секреты скрыты:</translation>
    </message>
    <message>
        <source>(the answer was not kept)</source>
        <translation>(ответ не сохранён)</translation>
    </message>
    <message>
        <source>… (the first {shown} of {size} characters)</source>
        <translation>… (показано начало: {shown} из {size} симв.)</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>токен обновления</translation>
    </message>
    <message>
        <source>Expiry time</source>
        <translation>время истечения</translation>
    </message>
    <message>
        <source>Authorization value</source>
        <translation>значение Authorization</translation>
    </message>
</context>
<context>
    <name>TokenPanel</name>
    <message>
        <source>Access token:</source>
        <translation>Токен доступа:</translation>
    </message>
    <message>
        <source>The access token, masked until revealed; Reveal shows it, Copy token copies it.</source>
        <translation>Токен доступа, скрытый точками; «Показать» открывает его, «Скопировать токен» копирует.</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>вход не выполнен</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Reveal token</source>
        <translation>Показать токен</translation>
    </message>
    <message>
        <source>Shows the access token in plain text while pressed.</source>
        <translation>Пока кнопка нажата, токен доступа виден открытым текстом.</translation>
    </message>
    <message>
        <source>Show or hide the token</source>
        <translation>Показать или скрыть токен</translation>
    </message>
    <message>
        <source>JWT claims</source>
        <translation>Поля JWT</translation>
    </message>
    <message>
        <source>The token&apos;s decoded claims, one per line, read-only.</source>
        <translation>Поля токена, раскодированные из JWT, по одному в строке, только для чтения.</translation>
    </message>
    <message>
        <source>Shows or hides the token&apos;s decoded claims.</source>
        <translation>Показывает или скрывает раскодированные поля токена.</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Обновить токен</translation>
    </message>
    <message>
        <source>Refresh now (F5)</source>
        <translation>Обновить токен сейчас (F5)</translation>
    </message>
    <message>
        <source>Test token</source>
        <translation>Проверить токен</translation>
    </message>
    <message>
        <source>Call the probe endpoint with the token</source>
        <translation>Выполнить пробный запрос с этим токеном</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Скопировать токен</translation>
    </message>
    <message>
        <source>Copy the access token (Ctrl+Shift+T)</source>
        <translation>Скопировать токен доступа (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Copy header</source>
        <translation>Скопировать заголовок</translation>
    </message>
    <message>
        <source>Copy the Authorization header (Ctrl+Shift+C)</source>
        <translation>Скопировать заголовок Authorization (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Скопировать как curl</translation>
    </message>
    <message>
        <source>Copy a curl command calling the probe endpoint</source>
        <translation>Скопировать команду curl с пробным запросом</translation>
    </message>
    <message>
        <source>Renews the token now instead of waiting (F5).</source>
        <translation>Обновляет токен сейчас, не дожидаясь срока (F5).</translation>
    </message>
    <message>
        <source>Copies the access token (Ctrl+Shift+T).</source>
        <translation>Копирует токен доступа (Ctrl+Shift+T).</translation>
    </message>
    <message>
        <source>Copies the Authorization header (Ctrl+Shift+C).</source>
        <translation>Копирует заголовок Authorization (Ctrl+Shift+C).</translation>
    </message>
    <message>
        <source>Calls the probe endpoint with the token and reports the answer.</source>
        <translation>Выполняет пробный запрос с этим токеном и сообщает ответ.</translation>
    </message>
    <message>
        <source>Copies a curl command that calls the probe endpoint with the token.</source>
        <translation>Копирует команду curl, которая выполняет пробный запрос с этим токеном.</translation>
    </message>
    <message>
        <source>Token type:</source>
        <translation>Тип токена:</translation>
    </message>
    <message>
        <source>Obtained at:</source>
        <translation>Получен:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Срок действия:</translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation>Токен обновления:</translation>
    </message>
    <message>
        <source>Last refresh:</source>
        <translation>Последнее обновление:</translation>
    </message>
    <message>
        <source>Next refresh:</source>
        <translation>Следующее обновление:</translation>
    </message>
    <message>
        <source>Header value:</source>
        <translation>Значение заголовка:</translation>
    </message>
    <message>
        <source>Basic — credentials verified for {login}</source>
        <translation>Basic — учётные данные {login} подтверждены</translation>
    </message>
    <message>
        <source>none (Basic has no token)</source>
        <translation>нет (у Basic нет токена)</translation>
    </message>
    <message>
        <source>present</source>
        <translation>есть</translation>
    </message>
    <message>
        <source>absent (renewal signs in again)</source>
        <translation>нет (для обновления выполняется повторный вход)</translation>
    </message>
    <message>
        <source>The token is masked; Reveal shows it</source>
        <translation>Токен скрыт; «Показать» открывает его</translation>
    </message>
    <message>
        <source>Expires: not signed in</source>
        <translation>Срок действия: вход не выполнен</translation>
    </message>
    <message>
        <source>Expires: {when}</source>
        <translation>Срок действия: {when}</translation>
    </message>
    <message>
        <source>Token valid for {time}.</source>
        <translation>Токен действителен ещё {time}.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>Адрес выдачи токенов:</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>найден автоматически</translation>
    </message>
    <message>
        <source>Session URL:</source>
        <translation>Адрес сессии:</translation>
    </message>
    <message>
        <source>as entered</source>
        <translation>как введён</translation>
    </message>
    <message>
        <source>{url} ({how})</source>
        <translation>{url} ({how})</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Подробнее…</translation>
    </message>
    <message>
        <source>Token details</source>
        <translation>Подробности о токене</translation>
    </message>
    <message>
        <source>Opens the server&apos;s token answer and copies of its single values.</source>
        <translation>Открывает ответ сервера с токеном; из него можно скопировать отдельные значения.</translation>
    </message>
    <message>
        <source>The token answer and its values (Ctrl+Shift+D)</source>
        <translation>Ответ с токеном и его значения (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Shell for Copy as curl</source>
        <translation>Оболочка для «Скопировать как curl»</translation>
    </message>
    <message>
        <source>Chooses the shell the curl command is written for: bash, cmd or PowerShell.</source>
        <translation>Выбирает оболочку, для которой пишется команда curl: bash, cmd или PowerShell.</translation>
    </message>
    <message>
        <source>Choose the shell: bash, cmd or PowerShell</source>
        <translation>Выбрать оболочку: bash, cmd или PowerShell</translation>
    </message>
    <message>
        <source>Token status</source>
        <translation>Состояние токена</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Токен доступа</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Срок действия</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>&amp;Show window</source>
        <translation>&amp;Показать окно</translation>
    </message>
    <message>
        <source>Copy &amp;token</source>
        <translation>Скопировать &amp;токен</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Обновить токен</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Вы&amp;ход</translation>
    </message>
    <message>
        <source>Expires: {expiry}</source>
        <translation>Срок действия: {expiry}</translation>
    </message>
    <message>
        <source>The token for {server} has expired. Sign in again.</source>
        <translation>Срок действия токена для {server} истёк. Войдите снова.</translation>
    </message>
    <message>
        <source>The session on {server} has ended. Sign in again.</source>
        <translation>Сеанс на {server} завершён. Войдите снова.</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Сеанс завершён</translation>
    </message>
    <message>
        <source>Retrying in {countdown}.</source>
        <translation>Повтор через {countdown}.</translation>
    </message>
    <message>
        <source>Token refresh failed</source>
        <translation>Не удалось обновить токен</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>Server and account</source>
        <translation>Сервер и учётная запись</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Токен</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
</context>
<context>
    <name>WindowView</name>
    <message>
        <source>no server</source>
        <translation>нет сервера</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>&amp;Cancel sign-in</source>
        <translation>От&amp;менить вход</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Отменить вход</translation>
    </message>
    <message>
        <source>Stop the sign-in that is running</source>
        <translation>Остановить выполняемый вход</translation>
    </message>
    <message>
        <source>Stops the sign-in that is running; nothing is kept.</source>
        <translation>Останавливает выполняемый вход; ничего не сохраняется.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Завершить сеанс</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Завершить сеанс</translation>
    </message>
    <message>
        <source>Sign out and forget the token</source>
        <translation>Завершить сеанс и забыть токен</translation>
    </message>
    <message>
        <source>Signs out and forgets the token and the password.</source>
        <translation>Завершает сеанс и забывает токен и пароль.</translation>
    </message>
    <message>
        <source>Sign-in cancelled; nothing was kept</source>
        <translation>Вход отменён; ничего не сохранено</translation>
    </message>
    <message>
        <source>Signed out; the token is forgotten</source>
        <translation>Сеанс завершён; токен забыт</translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n пройдена</numerusform>
            <numerusform>%n пройдены</numerusform>
            <numerusform>%n пройдено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n не пройдена</numerusform>
            <numerusform>%n не пройдены</numerusform>
            <numerusform>%n не пройдено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n пропущена</numerusform>
            <numerusform>%n пропущены</numerusform>
            <numerusform>%n пропущено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n info</source>
        <translation>
            <numerusform>%n для сведения</numerusform>
            <numerusform>%n для сведения</numerusform>
            <numerusform>%n для сведения</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>the demo does not save secrets</source>
        <translation>в демо-режиме секреты не сохраняются</translation>
    </message>
    <message>
        <source>Demo server started at {url}; demo accounts: {login} (password filled in), admin / admin, norights / norights (gets 403 on data)</source>
        <translation>Демо-сервер запущен: {url}; учётные записи демо-сервера: {login} (пароль уже введён), admin / admin, norights / norights (получает 403 при чтении данных)</translation>
    </message>
    <message>
        <source>no display: run it on a desktop, or use msauth (the command line) / QT_QPA_PLATFORM=offscreen</source>
        <translation>нет дисплея: запустите программу в графическом сеансе или используйте msauth (командную строку) / QT_QPA_PLATFORM=offscreen</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>Использование: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>аргументы</translation>
    </message>
    <message>
        <source>options</source>
        <translation>параметры</translation>
    </message>
    <message>
        <source>subcommands</source>
        <translation>команды</translation>
    </message>
    <message>
        <source>%(heading)s:</source>
        <translation>%(heading)s:</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>показать эту справку и выйти</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>показать версию программы и выйти</translation>
    </message>
    <message>
        <source> (default: %(default)s)</source>
        <translation> (по умолчанию: %(default)s)</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: ошибка: %(message)s
</translation>
    </message>
    <message>
        <source>%(prog)s: warning: %(message)s
</source>
        <translation>%(prog)s: предупреждение: %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>аргумент %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>неизвестные аргументы: %s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>не указаны обязательные аргументы: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>нужен один из аргументов %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>нельзя использовать вместе с аргументом %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>лишнее значение аргумента: %r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>нужно одно значение</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>нужно не больше одного значения</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>нужно хотя бы одно значение</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>нужно значений: %s</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>нужно значений: %s</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>неоднозначный параметр: %(option)s подходит к %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>неожиданный параметр: %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>недопустимое значение: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>недопустимое значение: %(value)r (допустимы: %(choices)s)</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>неизвестная команда %(parser_name)r (допустимы: %(choices)s)</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>не удаётся открыть «%(filename)s»: %(error)s</translation>
    </message>
</context>
<context>
    <name>check</name>
    <message>
        <source>certificate {fingerprint} (install cryptography for its details)</source>
        <translation>сертификат {fingerprint} (для подробностей установите пакет cryptography)</translation>
    </message>
    <message>
        <source>valid {start} to {end}</source>
        <translation>действителен с {start} по {end}</translation>
    </message>
    <message>
        <source> (EXPIRED)</source>
        <translation> (ИСТЁК)</translation>
    </message>
    <message>
        <source> (NOT YET VALID)</source>
        <translation> (ЕЩЁ НЕ ДЕЙСТВУЕТ)</translation>
    </message>
    <message>
        <source>certificate subject {subject}; issuer {issuer}; {valid}; {signed}; names {names} — host name {matches}; {fingerprint}</source>
        <translation>сертификат: субъект {subject}; издатель {issuer}; {valid}; {signed}; имена {names} — имя узла {matches}; {fingerprint}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>самоподписанный</translation>
    </message>
    <message>
        <source>not self-signed</source>
        <translation>не самоподписанный</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>совпадает</translation>
    </message>
    <message>
        <source>DOES NOT match</source>
        <translation>НЕ совпадает</translation>
    </message>
    <message>
        <source>the check itself failed ({error})</source>
        <translation>сбой самой проверки ({error})</translation>
    </message>
    <message>
        <source>the client id or secret is rejected — check them (default 123 / user)</source>
        <translation>ID или секрет клиента отклонён — проверьте их (по умолчанию 123 / user)</translation>
    </message>
    <message>
        <source>the login or password is rejected by every sign-in method — check them</source>
        <translation>логин или пароль отклонён при всех способах входа — проверьте их</translation>
    </message>
    <message>
        <source>no sign-in method gives credentials the server accepts</source>
        <translation>ни один способ входа не даёт учётных данных, которые принимает сервер</translation>
    </message>
    <message>
        <source>Fix first: {fix}.</source>
        <translation>Сначала исправьте: {fix}.</translation>
    </message>
    <message>
        <source>Use Basic: the server accepts the login and password on each request (there is no token to expire or refresh).</source>
        <translation>Используйте Basic: сервер принимает логин и пароль в каждом запросе (токена нет: нечему истекать и нечего обновлять).</translation>
    </message>
    <message>
        <source>lifetime unknown</source>
        <translation>срок действия неизвестен</translation>
    </message>
    <message>
        <source>lifetime {time}</source>
        <translation>срок действия {time}</translation>
    </message>
    <message>
        <source>refresh works</source>
        <translation>обновление работает</translation>
    </message>
    <message>
        <source>refresh fails</source>
        <translation>обновление не работает</translation>
    </message>
    <message>
        <source>no refresh token, so sign in again when it expires</source>
        <translation>токена обновления нет, поэтому по истечении срока действия придётся войти снова</translation>
    </message>
    <message>
        <source> (token URL {url})</source>
        <translation> (адрес выдачи токенов {url})</translation>
    </message>
    <message>
        <source>Use {method}: it gives a token the server accepts ({details}).</source>
        <translation>Используйте {method}: этот способ даёт токен, который сервер принимает ({details}).</translation>
    </message>
    <message>
        <source> Use the server URL {url}.</source>
        <translation> Укажите адрес сервера {url}.</translation>
    </message>
    <message>
        <source>No token needed: authorization is off for this database.</source>
        <translation>Токен не нужен: для этой базы авторизация отключена.</translation>
    </message>
    <message>
        <source> Note: {text}.</source>
        <translation> Обратите внимание: {text}.</translation>
    </message>
    <message>
        <source>Where the API is</source>
        <translation>Где находится API</translation>
    </message>
    <message>
        <source>Application and version</source>
        <translation>Приложение и версия</translation>
    </message>
    <message>
        <source>Authorization on?</source>
        <translation>Авторизация включена?</translation>
    </message>
    <message>
        <source> or </source>
        <translation> или </translation>
    </message>
    <message>
        <source>No Mobile SMARTS API answers at {urls}</source>
        <translation>API Mobile SMARTS не отвечает по адресам {urls}</translation>
    </message>
    <message>
        <source>Check the server URL: use the database&apos;s port, or add the database&apos;s path (/MobileSMARTS or /&lt;database GUID&gt;).</source>
        <translation>Проверьте адрес сервера: укажите порт базы или добавьте путь базы (/MobileSMARTS или /&lt;GUID базы&gt;).</translation>
    </message>
    <message>
        <source>no API answers at {url} — check the server URL (port, /MobileSMARTS or GUID)</source>
        <translation>API не отвечает по адресу {url} — проверьте адрес сервера (порт, /MobileSMARTS или GUID)</translation>
    </message>
    <message>
        <source>skipped: no API found</source>
        <translation>пропущена: API не найден</translation>
    </message>
    <message>
        <source>The API answers at {url}.</source>
        <translation>API отвечает по адресу {url}.</translation>
    </message>
    <message>
        <source>The address typed leads to no API ({typed}); it answers at {url}. The checks below use that address.</source>
        <translation>По введённому адресу ({typed}) API нет; он отвечает по адресу {url}. Проверки ниже используют этот адрес.</translation>
    </message>
    <message>
        <source>Use {url} as the server URL.</source>
        <translation>Укажите адрес сервера {url}.</translation>
    </message>
    <message>
        <source>This server has no BaseInfo.</source>
        <translation>На этом сервере нет BaseInfo.</translation>
    </message>
    <message>
        <source>BaseInfo needs sign-in on this server; its version is not known.</source>
        <translation>На этом сервере BaseInfo требует входа; версия неизвестна.</translation>
    </message>
    <message>
        <source>HTTP 200, but no appName or serverVersion in {text}</source>
        <translation>HTTP 200, но в ответе нет appName и serverVersion: {text}</translation>
    </message>
    <message>
        <source>The version is not known.</source>
        <translation>Версия неизвестна.</translation>
    </message>
    <message>
        <source>The server is {app}, version {version}.</source>
        <translation>Сервер: {app}, версия {version}.</translation>
    </message>
    <message>
        <source>an unnamed application</source>
        <translation>приложение без названия</translation>
    </message>
    <message>
        <source>GET {url} without credentials</source>
        <translation>GET {url} без учётных данных</translation>
    </message>
    <message>
        <source>Authorization is off for this database: the probe answers without credentials. Tokens are not needed — requests work without one.</source>
        <translation>Для этой базы авторизация отключена: пробный запрос проходит без учётных данных. Токены не нужны — запросы работают и без них.</translation>
    </message>
    <message>
        <source>Authorization is on: the probe needs credentials (HTTP {status}).</source>
        <translation>Авторизация включена: пробный запрос требует учётных данных (HTTP {status}).</translation>
    </message>
    <message>
        <source>Set a protected path that exists (--probe-path), e.g. /DocTypes?$top=1.</source>
        <translation>Укажите существующий защищённый путь пробного запроса (--probe-path), например /DocTypes?$top=1.</translation>
    </message>
    <message>
        <source>«Внешнее подключение» (external connection) or «Администратор»</source>
        <translation>«Внешнее подключение» или «Администратор»</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} ч {minutes} мин</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} ч</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} мин {seconds} с</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} с</translation>
    </message>
    <message>
        <source>documentation style (Access_token…, as the vendor page prints it)</source>
        <translation>в стиле документации (Access_token…, как на странице производителя)</translation>
    </message>
    <message>
        <source>RFC 6749 style (access_token…)</source>
        <translation>в стиле RFC 6749 (access_token…)</translation>
    </message>
    <message>
        <source>camelCase style (accessToken…)</source>
        <translation>в стиле camelCase (accessToken…)</translation>
    </message>
    <message>
        <source>an unusual key style</source>
        <translation>необычные имена ключей</translation>
    </message>
    <message>
        <source>strict JSON</source>
        <translation>строгий JSON</translation>
    </message>
    <message>
        <source>not strict JSON (read as JSON5)</source>
        <translation>нестрогий JSON (прочитан как JSON5)</translation>
    </message>
    <message>
        <source>lifetime unknown (no expires_in and not a JWT with exp)</source>
        <translation>срок действия неизвестен (нет expires_in, и это не JWT с exp)</translation>
    </message>
    <message>
        <source>a JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <source>with a refresh token</source>
        <translation>с токеном обновления</translation>
    </message>
    <message>
        <source>no refresh token</source>
        <translation>без токена обновления</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>нет ответа</translation>
    </message>
    <message>
        <source>{why} ({method} {url}, {ms} ms)</source>
        <translation>{why} ({method} {url}, {ms} мс)</translation>
    </message>
    <message>
        <source>HTTP {status} from {url} in {ms} ms</source>
        <translation>HTTP {status} от {url} за {ms} мс</translation>
    </message>
    <message>
        <source>the server does not answer within {seconds} s — check that it runs, or raise the timeout (--timeout)</source>
        <translation>сервер не отвечает в течение {seconds} с — проверьте, что он работает, или увеличьте время ожидания (--timeout)</translation>
    </message>
    <message>
        <source>The server did not answer within {seconds} s.</source>
        <translation>Сервер не ответил за {seconds} с.</translation>
    </message>
    <message>
        <source>cannot connect to {host}: {detail} — check the address and port</source>
        <translation>не удаётся подключиться к {host}: {detail} — проверьте адрес и порт</translation>
    </message>
    <message>
        <source>{host} closes the connection — check the server, the port and any proxy between</source>
        <translation>{host} закрывает соединение — проверьте сервер, порт и прокси-серверы на пути</translation>
    </message>
    <message>
        <source>the certificate is not trusted ({detail}) — add the company CA (--ca-bundle)</source>
        <translation>сертификат не является доверенным ({detail}) — добавьте сертификат ЦС компании (--ca-bundle)</translation>
    </message>
    <message>
        <source>the server speaks plain HTTP, not HTTPS — use {suggestion}</source>
        <translation>сервер работает по обычному HTTP, а не HTTPS — используйте {suggestion}</translation>
    </message>
    <message>
        <source>the user has no rights — give the user&apos;s group the role {roles}</source>
        <translation>у пользователя нет прав — дайте группе пользователя роль {roles}</translation>
    </message>
    <message>
        <source>the login or password is rejected — check them</source>
        <translation>логин или пароль отклонён — проверьте их</translation>
    </message>
    <message>
        <source>the client id or secret is rejected — check them (the vendor&apos;s default is 123 / user)</source>
        <translation>ID или секрет клиента отклонён — проверьте их (по умолчанию у производителя — 123 / user)</translation>
    </message>
    <message>
        <source>the server fails with HTTP {status} — check the server&apos;s log</source>
        <translation>сервер выдаёт ошибку HTTP {status} — посмотрите журнал сервера</translation>
    </message>
    <message>
        <source>nothing answers at {url} — check the server URL, the token URL and the probe path</source>
        <translation>по адресу {url} ничего нет — проверьте адрес сервера, адрес выдачи токенов и путь пробного запроса</translation>
    </message>
    <message>
        <source>Signed in, but the user&apos;s group lacks the role needed to read data (a rights problem, not a wrong password).</source>
        <translation>Вход выполнен, но у группы пользователя нет роли, нужной для чтения данных (это проблема прав, а не неверный пароль).</translation>
    </message>
    <message>
        <source>In Mobile SMARTS, give the user&apos;s group the role {roles}.</source>
        <translation>В Mobile SMARTS дайте группе пользователя роль {roles}.</translation>
    </message>
    <message>
        <source>The server does not accept this login and password here.</source>
        <translation>Сервер не принимает здесь этот логин и пароль.</translation>
    </message>
    <message>
        <source>Check the login and password (and the keyboard layout).</source>
        <translation>Проверьте логин и пароль (и раскладку клавиатуры).</translation>
    </message>
    <message>
        <source>The server rejects the OAuth client id or secret, before looking at the password.</source>
        <translation>Сервер отклоняет ID или секрет клиента OAuth ещё до проверки пароля.</translation>
    </message>
    <message>
        <source>Check --client-id and --client-secret (the vendor&apos;s default is 123 / user).</source>
        <translation>Проверьте --client-id и --client-secret (по умолчанию у производителя — 123 / user).</translation>
    </message>
    <message>
        <source>Check that the server runs and is not overloaded, or raise the timeout (--timeout).</source>
        <translation>Проверьте, что сервер работает и не перегружен, или увеличьте время ожидания (--timeout).</translation>
    </message>
    <message>
        <source>The server failed while answering (an error on its side, not in the credentials).</source>
        <translation>Сервер дал сбой при ответе (ошибка на его стороне, а не в учётных данных).</translation>
    </message>
    <message>
        <source>Look at the server&apos;s log; try again later.</source>
        <translation>Посмотрите журнал сервера; повторите попытку позже.</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>Session (GET)</source>
        <translation>Сессия (GET)</translation>
    </message>
    <message>
        <source>OAuth password grant</source>
        <translation>OAuth по паролю</translation>
    </message>
    <message>
        <source>OAuth password grant at /connect/token</source>
        <translation>OAuth по паролю через /connect/token</translation>
    </message>
    <message>
        <source>OAuth at /connect/token</source>
        <translation>OAuth через /connect/token</translation>
    </message>
    <message>
        <source> with grant_type=password</source>
        <translation> с grant_type=password</translation>
    </message>
    <message>
        <source>The server accepts the login and password sent with each request.</source>
        <translation>Сервер принимает логин и пароль, отправленные с каждым запросом.</translation>
    </message>
    <message>
        <source>This server does not offer {method} there (HTTP 404).</source>
        <translation>Способа «{method}» по этому адресу на сервере нет (HTTP 404).</translation>
    </message>
    <message>
        <source>Set the token URL if the server has it elsewhere (--token-url).</source>
        <translation>Если на сервере адрес выдачи токенов другой, укажите его (--token-url).</translation>
    </message>
    <message>
        <source>The server refuses this login and password, or Basic is off on this server.</source>
        <translation>Сервер отклоняет этот логин и пароль, или на этом сервере выключен Basic.</translation>
    </message>
    <message>
        <source>skipped: the server publishes no {path}</source>
        <translation>пропущена: сервер не публикует {path}</translation>
    </message>
    <message>
        <source>skipped: {url} names no token_endpoint</source>
        <translation>пропущена: в {url} нет token_endpoint</translation>
    </message>
    <message>
        <source>skipped: OpenID discovery failed ({error})</source>
        <translation>пропущена: документ обнаружения OpenID не получен ({error})</translation>
    </message>
    <message>
        <source>Discovery names a token endpoint on another address ({url}); it was not tried: the password is only sent to the server you typed.</source>
        <translation>Документ обнаружения указывает адрес выдачи токенов на другом сервере ({url}); он не проверялся: пароль отправляется только на сервер, который вы указали.</translation>
    </message>
    <message>
        <source>skipped: no token from {method}</source>
        <translation>пропущена: способ «{method}» не дал токена</translation>
    </message>
    <message>
        <source>GET {url} with the token</source>
        <translation>GET {url} с токеном</translation>
    </message>
    <message>
        <source>The server issued this token but does not accept it (HTTP 401).</source>
        <translation>Сервер выдал этот токен, но не принимает его (HTTP 401).</translation>
    </message>
    <message>
        <source>The token URL may belong to another database or service: check the token URL and the server URL.</source>
        <translation>Возможно, адрес выдачи токенов относится к другой базе или службе: проверьте его и адрес сервера.</translation>
    </message>
    <message>
        <source>Accepted, but authorization is off: this says nothing about the token.</source>
        <translation>Запрос принят, но авторизация отключена: о токене это ничего не говорит.</translation>
    </message>
    <message>
        <source>The server accepts the token, so data can be read with it.</source>
        <translation>Сервер принимает токен, значит, с ним можно читать данные.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновление</translation>
    </message>
    <message>
        <source>skipped: no refresh token (the sign-in answers carried none)</source>
        <translation>пропущена: нет токена обновления (в ответах на вход его не было)</translation>
    </message>
    <message>
        <source>skipped: no token to refresh</source>
        <translation>пропущена: нет токена для обновления</translation>
    </message>
    <message>
        <source>POST {url} with grant_type=refresh_token</source>
        <translation>POST {url} с grant_type=refresh_token</translation>
    </message>
    <message>
        <source>The server does not accept the refresh token it has just issued.</source>
        <translation>Сервер не принимает токен обновления, который только что выдал.</translation>
    </message>
    <message>
        <source>Clients will have to sign in again when the token expires.</source>
        <translation>Когда срок действия токена истечёт, придётся входить снова.</translation>
    </message>
    <message>
        <source>the new token is {description}</source>
        <translation>новый токен: {description}</translation>
    </message>
    <message>
        <source>the probe accepts the new access token</source>
        <translation>пробный запрос с новым токеном доступа проходит</translation>
    </message>
    <message>
        <source>the probe refuses the new access token ({error})</source>
        <translation>пробный запрос с новым токеном доступа не проходит ({error})</translation>
    </message>
    <message>
        <source>the refresh token is rotated</source>
        <translation>токен обновления заменяется новым</translation>
    </message>
    <message>
        <source>the refresh token is not rotated</source>
        <translation>токен обновления не заменяется</translation>
    </message>
    <message>
        <source>whether the old one still works is not known</source>
        <translation>работает ли старый, неизвестно</translation>
    </message>
    <message>
        <source>the old refresh token still works</source>
        <translation>старый токен обновления всё ещё работает</translation>
    </message>
    <message>
        <source>the old one no longer works</source>
        <translation>старый больше не работает</translation>
    </message>
    <message>
        <source>Refresh works. The refresh token is rotated: keep the new one each time.</source>
        <translation>Обновление работает. Токен обновления каждый раз заменяется: сохраняйте новый.</translation>
    </message>
    <message>
        <source>Refresh works. The refresh token is rotated, but the old one still works too.</source>
        <translation>Обновление работает. Токен обновления заменяется, но старый тоже продолжает работать.</translation>
    </message>
    <message>
        <source>Refresh works. The refresh token is not rotated: the same one stays valid.</source>
        <translation>Обновление работает. Токен обновления не заменяется: он остаётся прежним.</translation>
    </message>
    <message>
        <source>Refresh gives a new token, but the server does not accept it.</source>
        <translation>Обновление даёт новый токен, но сервер его не принимает.</translation>
    </message>
    <message>
        <source>Check the token URL: it may belong to another database or service.</source>
        <translation>Проверьте адрес выдачи токенов: возможно, он относится к другой базе или службе.</translation>
    </message>
    <message>
        <source>; the probe with the new token; the old refresh token again</source>
        <translation>; пробный запрос с новым токеном; повторно старый токен обновления</translation>
    </message>
    <message>
        <source>Add the company CA certificate: --ca-bundle FILE (in the window: CA bundle). For a test server only, turn TLS verification off (--insecure).</source>
        <translation>Добавьте сертификат ЦС компании: --ca-bundle ФАЙЛ (в окне — «Файл сертификатов ЦС»). Только для тестового сервера можно отключить проверку TLS (--insecure).</translation>
    </message>
    <message>
        <source>skipped: server not reachable</source>
        <translation>пропущена: сервер недоступен</translation>
    </message>
    <message>
        <source>skipped: the address needs {scheme}:// (first row)</source>
        <translation>пропущена: адрес должен начинаться с {scheme}:// (первая строка)</translation>
    </message>
    <message>
        <source>Reachability and TLS</source>
        <translation>Доступность и TLS</translation>
    </message>
    <message>
        <source>DNS, TCP connect, TLS handshake to {where}</source>
        <translation>DNS, TCP-подключение и установление TLS-соединения с {where}</translation>
    </message>
    <message>
        <source>Reachability (HTTP)</source>
        <translation>Доступность (HTTP)</translation>
    </message>
    <message>
        <source>DNS, TCP connect to {where}</source>
        <translation>DNS и TCP-подключение к {where}</translation>
    </message>
    <message>
        <source>skipped: the certificate is not trusted</source>
        <translation>пропущена: сертификат не является доверенным</translation>
    </message>
    <message>
        <source>{host} is {address}</source>
        <translation>{host} — это {address}</translation>
    </message>
    <message>
        <source>connected in {ms} ms</source>
        <translation>подключение за {ms} мс</translation>
    </message>
    <message>
        <source>Port {port} speaks plain HTTP, not HTTPS.</source>
        <translation>Порт {port} работает по обычному HTTP, а не HTTPS.</translation>
    </message>
    <message>
        <source>Use {url}</source>
        <translation>Используйте {url}</translation>
    </message>
    <message>
        <source>Check the address and port, and that the server runs.</source>
        <translation>Проверьте адрес и порт, а также что сервер запущен.</translation>
    </message>
    <message>
        <source>Clients refuse the connection: {reason}.</source>
        <translation>Клиенты не примут сертификат сервера: {reason}.</translation>
    </message>
    <message>
        <source>a TLS handshake succeeds on this port</source>
        <translation>на этом порту TLS устанавливается успешно</translation>
    </message>
    <message>
        <source>Port {port} speaks HTTPS, not plain HTTP.</source>
        <translation>Порт {port} работает по HTTPS, а не по обычному HTTP.</translation>
    </message>
    <message>
        <source>the server speaks HTTPS, not plain HTTP — use {url}</source>
        <translation>сервер работает по HTTPS, а не по обычному HTTP — используйте {url}</translation>
    </message>
    <message>
        <source>Check the server, the port and any proxy between.</source>
        <translation>Проверьте сервер, порт и прокси-серверы на пути.</translation>
    </message>
    <message>
        <source>a redirect or an unreadable answer</source>
        <translation>перенаправление или нечитаемый ответ</translation>
    </message>
    <message>
        <source>the server answers HTTP ({status} for /)</source>
        <translation>сервер отвечает по HTTP ({status} для /)</translation>
    </message>
    <message>
        <source>Connect with a host name the certificate names, or have the certificate reissued for this host name.</source>
        <translation>Подключайтесь по имени узла, указанному в сертификате, или перевыпустите сертификат для этого имени.</translation>
    </message>
    <message>
        <source>The certificate is self-signed: save it as a PEM file and pass it with --ca-bundle FILE (check its SHA-256 fingerprint with the server&apos;s administrator first).</source>
        <translation>Сертификат самоподписанный: сохраните его в файл PEM и передайте через --ca-bundle ФАЙЛ (сначала сверьте его отпечаток SHA-256 с администратором сервера).</translation>
    </message>
    <message>
        <source>The server answers over plain HTTP (on this computer).</source>
        <translation>Сервер отвечает по обычному HTTP (на этом компьютере).</translation>
    </message>
    <message>
        <source>The server answers, but over plain HTTP: the password and tokens cross the network unencrypted.</source>
        <translation>Сервер отвечает, но по обычному HTTP: пароль и токены идут по сети без шифрования.</translation>
    </message>
    <message>
        <source>Use HTTPS outside a trusted network (switch it on for the database).</source>
        <translation>Вне доверенной сети используйте HTTPS (включите его для базы).</translation>
    </message>
    <message>
        <source>TLS verification is off (--insecure): the connection is encrypted, but anyone in between could pose as the server.</source>
        <translation>Проверка TLS отключена (--insecure): соединение зашифровано, но любой посредник может выдать себя за сервер.</translation>
    </message>
    <message>
        <source>Use --ca-bundle with the company CA instead, outside a test set-up.</source>
        <translation>Вне тестовой среды используйте вместо этого --ca-bundle с сертификатом ЦС компании.</translation>
    </message>
    <message>
        <source>Renew the server&apos;s certificate soon.</source>
        <translation>Обновите сертификат сервера, пока срок его действия не истёк.</translation>
    </message>
    <message>
        <source>The server is reachable and its certificate is trusted.</source>
        <translation>Сервер доступен, и его сертификат доверенный.</translation>
    </message>
    <message>
        <source>Server clock</source>
        <translation>Часы сервера</translation>
    </message>
    <message>
        <source>compare the Date header of the server&apos;s answer with this computer&apos;s clock</source>
        <translation>сравнение заголовка Date в ответе сервера с часами этого компьютера</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>пропущена</translation>
    </message>
    <message>
        <source>skipped: the server sent no usable Date header</source>
        <translation>пропущена: сервер не прислал пригодного заголовка Date</translation>
    </message>
    <message>
        <source>server Date {date}; local clock {local}; difference {skew} s</source>
        <translation>время сервера {date}; часы этого компьютера {local}; разница {skew} с</translation>
    </message>
    <message>
        <source>The clocks agree within a minute.</source>
        <translation>Часы расходятся не больше чем на минуту.</translation>
    </message>
    <message>
        <source>The server&apos;s clock is {time} ahead of this computer&apos;s. That breaks expiry maths: times the server writes into tokens (a JWT&apos;s exp) are off by as much, so tokens look expired too early or too late.</source>
        <translation>Часы сервера спешат на {time} относительно часов этого компьютера. Это нарушает расчёт сроков действия: время, которое сервер пишет в токены (exp в JWT), сдвинуто на столько же, и токены кажутся истёкшими слишком рано или слишком поздно.</translation>
    </message>
    <message>
        <source>The server&apos;s clock is {time} behind this computer&apos;s. That breaks expiry maths: times the server writes into tokens (a JWT&apos;s exp) are off by as much, so tokens look expired too early or too late.</source>
        <translation>Часы сервера отстают на {time} от часов этого компьютера. Это нарушает расчёт сроков действия: время, которое сервер пишет в токены (exp в JWT), сдвинуто на столько же, и токены кажутся истёкшими слишком рано или слишком поздно.</translation>
    </message>
    <message>
        <source>Set the clock right (NTP) on the server or on this computer.</source>
        <translation>Выставьте точное время (NTP) на сервере или на этом компьютере.</translation>
    </message>
    <message>
        <source>Use Basic in its raw spelling (--basic-encoding raw; in the window, Basic spelling in Advanced): the server accepts only login:password as the vendor page prints it, not base64 (there is no token to expire or refresh).</source>
        <translation>Используйте Basic без кодирования (--basic-encoding raw; в окне — «Кодировка Basic» в разделе «Дополнительно»): сервер принимает только логин:пароль, как на странице производителя, а не base64 (токена нет: нечему истекать и нечего обновлять).</translation>
    </message>
    <message>
        <source>Token URL candidate {n}</source>
        <translation>Адрес выдачи токенов, вариант {n}</translation>
    </message>
    <message>
        <source>The server refuses the standard base64 form and accepts only the raw one, login:password as the vendor page prints it. </source>
        <translation>Сервер отклоняет стандартный вариант base64 и принимает только вариант без кодирования (логин:пароль), как на странице производителя. </translation>
    </message>
    <message>
        <source>Both spellings were tried: base64 (RFC 7617) and raw login:password. </source>
        <translation>Проверены обе кодировки: base64 (RFC 7617) и без кодирования (логин:пароль). </translation>
    </message>
    <message>
        <source>The server&apos;s discovery document.</source>
        <translation>Документ обнаружения OpenID на сервере.</translation>
    </message>
    <message>
        <source>The token endpoint is here: this is the URL to use.</source>
        <translation>Адрес выдачи токенов найден: используйте его.</translation>
    </message>
    <message>
        <source>The token endpoint is here (its OAuth error answer is the sign-in row&apos;s business): this is the URL to use.</source>
        <translation>Адрес выдачи токенов найден (его ответ с ошибкой OAuth разобран в строке входа): используйте его.</translation>
    </message>
    <message>
        <source>No discovery document here.</source>
        <translation>Документа обнаружения здесь нет.</translation>
    </message>
    <message>
        <source>Not a token endpoint: it does not take this request (HTTP 405).</source>
        <translation>Это не адрес выдачи токенов: такой запрос здесь не принимается (HTTP 405).</translation>
    </message>
    <message>
        <source>Nothing here (HTTP {status}).</source>
        <translation>Здесь ничего нет (HTTP {status}).</translation>
    </message>
    <message>
        <source>The server limits requests (HTTP 429): the search stops here.</source>
        <translation>Сервер ограничивает число запросов (HTTP 429): поиск на этом остановлен.</translation>
    </message>
    <message>
        <source>A redirect, not followed: credentials never follow one.</source>
        <translation>Перенаправление; по нему не переходили: учётные данные по перенаправлениям не отправляются.</translation>
    </message>
    <message>
        <source>Not an OAuth answer (HTTP {status}): not the token endpoint.</source>
        <translation>Не ответ OAuth (HTTP {status}): это не адрес выдачи токенов.</translation>
    </message>
    <message>
        <source>skipped: discovery names the token URL checked above</source>
        <translation>пропущена: документ обнаружения указывает адрес выдачи токенов, проверенный выше</translation>
    </message>
    <message>
        <source>skipped: discovery names a URL the search above asked</source>
        <translation>пропущена: документ обнаружения указывает адрес, уже опрошенный при поиске выше</translation>
    </message>
    <message>
        <source>Basic (login and password)</source>
        <translation>Basic (логин и пароль)</translation>
    </message>
    <message>
        <source>token URL {url} (as entered)</source>
        <translation>адрес выдачи токенов {url} (как введён)</translation>
    </message>
    <message>
        <source>token URL {url} (found automatically)</source>
        <translation>адрес выдачи токенов {url} (найден автоматически)</translation>
    </message>
    <message>
        <source>No candidate answers like the token endpoint of {method} (the rows below): this server may not offer it.</source>
        <translation>Ни один вариант не отвечает как адрес выдачи токенов для способа «{method}» (строки ниже): возможно, сервер этот способ не поддерживает.</translation>
    </message>
    <message>
        <source>Data with the Session (GET) token</source>
        <translation>Данные с токеном сессии (GET)</translation>
    </message>
    <message>
        <source>Data with the OAuth token</source>
        <translation>Данные с токеном OAuth</translation>
    </message>
    <message>
        <source>Data with the token from /connect/token</source>
        <translation>Данные с токеном из /connect/token</translation>
    </message>
    <message>
        <source>The server issues a token; a row below says whether data can be read with it.</source>
        <translation>Сервер выдаёт токен; читаются ли с ним данные, сказано в строке ниже.</translation>
    </message>
    <message>
        <source>Refresh of the {method} token</source>
        <translation>Обновление токена способа «{method}»</translation>
    </message>
    <message>
        <source> The new token meets the same lack of rights (see the “Data with” rows).</source>
        <translation> У нового токена та же нехватка прав (см. строки «Данные с токеном…»).</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>SERVER</source>
        <translation>АДРЕС</translation>
    </message>
    <message>
        <source>server URL, e.g. https://host:9000</source>
        <translation>адрес сервера, например https://host:9000</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>OAuth client id (123)</source>
        <translation>ID клиента OAuth (123)</translation>
    </message>
    <message>
        <source>SECRET</source>
        <translation>СЕКРЕТ</translation>
    </message>
    <message>
        <source>OAuth client secret (default: {variable}, else user); visible in ps</source>
        <translation>секрет клиента OAuth (по умолчанию: {variable}, иначе user); виден в ps</translation>
    </message>
    <message>
        <source>read the client secret from standard input (after the password or refresh token)</source>
        <translation>прочитать секрет клиента со стандартного ввода (после пароля или токена обновления)</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>АДРЕС</translation>
    </message>
    <message>
        <source>token endpoint; turns discovery off (default: found on the server, see README)</source>
        <translation>адрес выдачи токенов; отключает его поиск (по умолчанию ищется на сервере, см. README)</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ФАЙЛ</translation>
    </message>
    <message>
        <source>trust the CA certificates in FILE</source>
        <translation>доверять сертификатам ЦС из ФАЙЛА</translation>
    </message>
    <message>
        <source>do not verify TLS certificates (test servers)</source>
        <translation>не проверять сертификаты TLS (для тестовых серверов)</translation>
    </message>
    <message>
        <source>S</source>
        <translation>С</translation>
    </message>
    <message>
        <source>seconds (15)</source>
        <translation>время ожидания в секундах (15)</translation>
    </message>
    <message>
        <source>output (token)</source>
        <translation>что выводить (token)</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>ЛОГИН</translation>
    </message>
    <message>
        <source>the user to sign in as</source>
        <translation>имя пользователя для входа</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>ПУТЬ</translation>
    </message>
    <message>
        <source>protected path to check (/DocTypes?$top=1)</source>
        <translation>путь пробного запроса: защищённый путь API (/DocTypes?$top=1)</translation>
    </message>
    <message>
        <source>read the password from standard input</source>
        <translation>прочитать пароль со стандартного ввода</translation>
    </message>
    <message>
        <source>Sign in to a Mobile SMARTS server and print the token.</source>
        <translation>Вход на сервер Mobile SMARTS и вывод токена.</translation>
    </message>
    <message>
        <source>print the version and exit</source>
        <translation>показать версию и выйти</translation>
    </message>
    <message>
        <source>language of messages and reports (default: MSAUTH_LANG, the window&apos;s setting, then the system&apos;s)</source>
        <translation>язык сообщений и отчётов (по умолчанию: MSAUTH_LANG, затем настройка окна, затем язык системы)</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>КОМАНДА</translation>
    </message>
    <message>
        <source>sign in and print a token</source>
        <translation>войти и вывести токен</translation>
    </message>
    <message>
        <source>how --method basic spells the credentials: RFC 7617 base64 (default) or the raw login:password some servers want</source>
        <translation>как --method basic кодирует учётные данные: base64 по RFC 7617 (по умолчанию) или raw — без кодирования (логин:пароль), как требуют некоторые серверы</translation>
    </message>
    <message>
        <source>trade a refresh token for a new token</source>
        <translation>получить новый токен по токену обновления</translation>
    </message>
    <message>
        <source>read the refresh token from standard input</source>
        <translation>прочитать токен обновления со стандартного ввода</translation>
    </message>
    <message>
        <source>diagnose the server&apos;s sign-in set-up</source>
        <translation>проверить настройку входа на сервере</translation>
    </message>
    <message>
        <source>print the report as JSON</source>
        <translation>вывести отчёт в формате JSON</translation>
    </message>
    <message>
        <source>as for msauth itself</source>
        <translation>как у самой команды msauth</translation>
    </message>
    <message>
        <source>--timeout must be a positive number of seconds, at most {most}</source>
        <translation>--timeout: укажите положительное число секунд, не больше {most}</translation>
    </message>
    <message>
        <source>Password for {login}: </source>
        <translation>Пароль для {login}: </translation>
    </message>
    <message>
        <source>no password: use --password-stdin or set {variable}</source>
        <translation>нет пароля: используйте --password-stdin или задайте {variable}</translation>
    </message>
    <message>
        <source>unexpected error: {error}</source>
        <translation>непредвиденная ошибка: {error}</translation>
    </message>
    <message>
        <source>warning: TLS verification is off (--insecure)</source>
        <translation>предупреждение: проверка TLS отключена (--insecure)</translation>
    </message>
    <message>
        <source>no refresh token on standard input</source>
        <translation>на стандартном вводе нет токена обновления</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>прервано</translation>
    </message>
    <message>
        <source>warning: {text}</source>
        <translation>предупреждение: {text}</translation>
    </message>
    <message>
        <source>no client secret on standard input</source>
        <translation>на стандартном вводе нет секрета клиента</translation>
    </message>
    <message>
        <source>serve the session to any tool on loopback</source>
        <translation>открыть сеанс другим программам на этом компьютере</translation>
    </message>
    <message>
        <source>sign-in method (oauth)</source>
        <translation>способ входа (oauth)</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>ПОРТ</translation>
    </message>
    <message>
        <source>port to listen on ({port}; 0 picks a free one)</source>
        <translation>порт, который слушает прокси ({port}; 0 — любой свободный)</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>АДРЕС</translation>
    </message>
    <message>
        <source>address to listen on ({address}); anyone who reaches it acts as you</source>
        <translation>адрес, который слушает прокси ({address}); любой, кто до него доберётся, действует от вашего имени</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>ИМЯ</translation>
    </message>
    <message>
        <source>also accept requests for this host name (besides localhost and 127.0.0.1)</source>
        <translation>принимать запросы и для этого имени узла (помимо localhost и 127.0.0.1)</translation>
    </message>
    <message>
        <source>ORIGIN</source>
        <translation>ИСТОЧНИК</translation>
    </message>
    <message>
        <source>let this web page (https://host:port) read answers (CORS); none by default</source>
        <translation>разрешить этой веб-странице (https://узел:порт) читать ответы (CORS); по умолчанию — никакой</translation>
    </message>
    <message>
        <source>LIST</source>
        <translation>СПИСОК</translation>
    </message>
    <message>
        <source>refuse these methods, e.g. POST,PUT,PATCH,DELETE for a read-only proxy</source>
        <translation>отклонять эти методы, например POST,PUT,PATCH,DELETE — прокси только для чтения</translation>
    </message>
    <message>
        <source>no access log on stderr</source>
        <translation>не выводить журнал запросов в поток ошибок</translation>
    </message>
    <message>
        <source>run a command with the token in its environment</source>
        <translation>запустить команду с токеном в её окружении</translation>
    </message>
    <message>
        <source>-- COMMAND [ARGS…]</source>
        <translation>-- КОМАНДА [АРГУМЕНТЫ…]</translation>
    </message>
    <message>
        <source>the command to run and its arguments</source>
        <translation>команда для запуска и её аргументы</translation>
    </message>
    <message>
        <source>--reject-methods: {method} is not an HTTP method</source>
        <translation>--reject-methods: {method} — не метод HTTP</translation>
    </message>
    <message>
        <source>--port must be a number from 0 to 65535</source>
        <translation>--port: нужно число от 0 до 65535</translation>
    </message>
    <message>
        <source>cannot listen on {address} port {port} ({error}); choose another --port (0 picks a free one)</source>
        <translation>не удаётся занять порт {port} на {address} ({error}); выберите другой --port (0 — любой свободный)</translation>
    </message>
    <message>
        <source>warning: listening on {address}, not only on this computer: anyone who can reach it acts as {login} on the server</source>
        <translation>предупреждение: прокси слушает {address}, то есть не только этот компьютер: любой, кто до него доберётся, действует на сервере от имени {login}</translation>
    </message>
    <message>
        <source>serving {api} at {url} as {login}; Ctrl+C stops</source>
        <translation>{api} доступен по адресу {url} от имени {login}; Ctrl+C — остановить</translation>
    </message>
    <message>
        <source>proxy stopped</source>
        <translation>прокси остановлен</translation>
    </message>
    <message>
        <source>token renewed</source>
        <translation>токен обновлён</translation>
    </message>
    <message>
        <source>renewal failed: {error}</source>
        <translation>обновить токен не удалось: {error}</translation>
    </message>
    <message>
        <source>Renewal has stopped; restart msauth proxy.</source>
        <translation>Обновление остановлено; перезапустите msauth proxy.</translation>
    </message>
    <message>
        <source>give the command to run after --</source>
        <translation>укажите команду после --</translation>
    </message>
    <message>
        <source>cannot run {command}: {error}</source>
        <translation>не удаётся запустить {command}: {error}</translation>
    </message>
</context>
<context>
    <name>curl</name>
    <message>
        <source># Invoke-RestMethod takes no CA file: trust the CA in Windows first, e.g. {command}</source>
        <translation># Invoke-RestMethod не принимает файл ЦС: сначала добавьте ЦС в доверенные в Windows, например: {command}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>the host name is not known (DNS)</source>
        <translation>имя узла не найдено (DNS)</translation>
    </message>
    <message>
        <source>the connection was refused (nothing listens there)</source>
        <translation>в соединении отказано (на этом порту ничего не запущено)</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>истекло время ожидания соединения</translation>
    </message>
    <message>
        <source>is not a valid address; check the brackets around an IPv6 address</source>
        <translation>это неверный адрес; проверьте квадратные скобки вокруг адреса IPv6</translation>
    </message>
    <message>
        <source>must not contain a login or password; use the login and password fields</source>
        <translation>не должен содержать логин или пароль; для них есть отдельные поля</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>порт должен быть числом от 1 до 65535</translation>
    </message>
    <message>
        <source>{host} is not a valid host name</source>
        <translation>{host} — недопустимое имя узла</translation>
    </message>
    <message>
        <source>Token URL</source>
        <translation>Адрес выдачи токенов</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <source>enter the server address, e.g. https://host:9000</source>
        <translation>введите адрес сервера, например https://host:9000</translation>
    </message>
    <message>
        <source>must not contain spaces</source>
        <translation>не должен содержать пробелов</translation>
    </message>
    <message>
        <source>use an http:// or https:// address, not {scheme}:</source>
        <translation>используйте адрес http:// или https://, а не {scheme}:</translation>
    </message>
    <message>
        <source>must not contain ? or # parts</source>
        <translation>не должен содержать частей после ? или #</translation>
    </message>
    <message>
        <source>has no host name</source>
        <translation>не содержит имени узла</translation>
    </message>
    <message>
        <source>use an absolute URL or a path starting with /</source>
        <translation>укажите полный адрес или путь, начинающийся с /</translation>
    </message>
    <message>
        <source>{field}: {detail}</source>
        <translation>{field}: {detail}</translation>
    </message>
    <message>
        <source>The server rejected the login or password (HTTP {status}). Check them and sign in again.</source>
        <translation>Сервер отклонил логин или пароль (HTTP {status}). Проверьте их и войдите снова.</translation>
    </message>
    <message>
        <source>The server rejected the client id or secret (invalid_client). Check the client id and client secret (the vendor&apos;s default is 123 / user).</source>
        <translation>Сервер отклонил ID или секрет клиента (invalid_client). Проверьте ID и секрет клиента (по умолчанию у производителя — 123 / user).</translation>
    </message>
    <message>
        <source>The server no longer accepts the refresh token (HTTP {status}). Sign in again.</source>
        <translation>Сервер больше не принимает токен обновления (HTTP {status}). Войдите снова.</translation>
    </message>
    <message>
        <source>Signed in, but the user has no rights here (HTTP 403). Give the user&apos;s group the role «Внешнее подключение» (external connection) or «Администратор» in Mobile SMARTS.</source>
        <translation>Вход выполнен, но у пользователя здесь нет прав (HTTP 403). Дайте группе пользователя роль «Внешнее подключение» или «Администратор» в Mobile SMARTS.</translation>
    </message>
    <message>
        <source>The server failed with HTTP {status} at {url}. {detail}</source>
        <translation>Сбой сервера: HTTP {status} по адресу {url}. {detail}</translation>
    </message>
    <message>
        <source>Nothing answers at {url} (HTTP {status}). Check the server URL, the token URL and the probe path.</source>
        <translation>По адресу {url} ничего нет (HTTP {status}). Проверьте адрес сервера, адрес выдачи токенов и путь пробного запроса.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP {status}): {detail}</source>
        <translation>Сервер отклонил запрос (HTTP {status}): {detail}</translation>
    </message>
    <message>
        <source>The server is limiting requests (HTTP 429). Try again in {retry_after} s.</source>
        <translation>Сервер ограничивает число запросов (HTTP 429). Повторите через {retry_after} с.</translation>
    </message>
    <message>
        <source>The server is limiting requests (HTTP 429). Try again in a few seconds.</source>
        <translation>Сервер ограничивает число запросов (HTTP 429). Повторите через несколько секунд.</translation>
    </message>
    <message>
        <source>The server&apos;s answer from {url} could not be used: {detail}. It began: {snippet}</source>
        <translation>Ответ сервера от {url} не удалось использовать: {detail}. Начало ответа: {snippet}</translation>
    </message>
    <message>
        <source>{host} sent no complete answer within {seconds} s. Check that the server is running, or raise the timeout.</source>
        <translation>Нет полного ответа от {host} за {seconds} с. Проверьте, что сервер работает, или увеличьте время ожидания.</translation>
    </message>
    <message>
        <source>Cannot connect to {host}: {detail}. Check the address and port, and that the server runs.</source>
        <translation>Не удаётся подключиться к {host}: {detail}. Проверьте адрес и порт, а также что сервер запущен.</translation>
    </message>
    <message>
        <source>The connection to {host} was closed before the answer was complete. Try again; if it repeats, check the server and any proxy between.</source>
        <translation>Соединение с {host} закрылось до окончания ответа. Повторите попытку; если это повторяется, проверьте сервер и прокси-серверы на пути.</translation>
    </message>
    <message>
        <source>The certificate of {host} is not trusted ({detail}). {advice}</source>
        <translation>Сертификат {host} не является доверенным ({detail}). {advice}</translation>
    </message>
    <message>
        <source>Add the company CA certificate (CA bundle, --ca-bundle FILE), or, for a test server only, turn TLS verification off (Verify TLS certificates, --insecure).</source>
        <translation>Добавьте сертификат ЦС компании («Файл сертификатов ЦС», --ca-bundle ФАЙЛ) или, только для тестового сервера, отключите проверку TLS («Проверять сертификаты TLS», --insecure).</translation>
    </message>
    <message>
        <source>Ask the server&apos;s administrator to renew the certificate; adding a CA does not help. For a test server only, turn TLS verification off (Verify TLS certificates, --insecure).</source>
        <translation>Попросите администратора сервера обновить сертификат: добавление ЦС здесь не поможет. Только для тестового сервера можно отключить проверку TLS («Проверять сертификаты TLS», --insecure).</translation>
    </message>
    <message>
        <source>Use the host name the certificate was issued for, or ask the administrator for a certificate that names this host; adding a CA does not help.</source>
        <translation>Укажите имя узла, на которое выдан сертификат, или попросите администратора выпустить сертификат на это имя: добавление ЦС здесь не поможет.</translation>
    </message>
    <message>
        <source>{host} speaks plain HTTP, not HTTPS. Use {suggestion}</source>
        <translation>{host} работает по обычному HTTP, а не HTTPS. Используйте {suggestion}</translation>
    </message>
    <message>
        <source>{host} speaks HTTPS, not plain HTTP. Use {suggestion}</source>
        <translation>{host} работает по HTTPS, а не по обычному HTTP. Используйте {suggestion}</translation>
    </message>
    <message>
        <source>The server redirected to {target}; credentials are never sent after a redirect. If you trust that address, use it as the server URL.</source>
        <translation>Сервер перенаправил на {target}; после перенаправления учётные данные не отправляются. Если вы доверяете этому адресу, укажите его как адрес сервера.</translation>
    </message>
    <message>
        <source>(no Location)</source>
        <translation>(нет заголовка Location)</translation>
    </message>
    <message>
        <source>invalid address ({error})</source>
        <translation>неверный адрес ({error})</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Файл сертификатов ЦС</translation>
    </message>
    <message>
        <source>cannot read {path} ({error})</source>
        <translation>не удаётся прочитать {path} ({error})</translation>
    </message>
    <message>
        <source>{path} holds no certificate in PEM form (-----BEGIN CERTIFICATE-----); export the CA certificate as Base-64 encoded X.509 and choose that file</source>
        <translation>в {path} нет сертификата в формате PEM (-----BEGIN CERTIFICATE-----); экспортируйте сертификат ЦС в формате «X.509 в кодировке Base-64» и укажите этот файл</translation>
    </message>
    <message>
        <source>(not read)</source>
        <translation>(не прочитано)</translation>
    </message>
    <message>
        <source>the certificate is for another host name</source>
        <translation>сертификат выдан для другого имени узла</translation>
    </message>
    <message>
        <source>the certificate has expired</source>
        <translation>срок действия сертификата истёк</translation>
    </message>
    <message>
        <source>the certificate is self-signed</source>
        <translation>сертификат самоподписанный</translation>
    </message>
    <message>
        <source>it is signed by an unknown certificate authority</source>
        <translation>он подписан неизвестным центром сертификации</translation>
    </message>
    <message>
        <source>verification failed</source>
        <translation>проверка не пройдена</translation>
    </message>
    <message>
        <source>the name lookup (DNS) did not answer in time</source>
        <translation>сервер имён (DNS) не ответил вовремя</translation>
    </message>
    <message>
        <source>the network is unreachable</source>
        <translation>сеть недоступна</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Profiles file</source>
        <translation>Файл профилей</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>ожидался объект</translation>
    </message>
    <message>
        <source>has no name</source>
        <translation>нет имени</translation>
    </message>
    <message>
        <source>Profile {name}</source>
        <translation>Профиль {name}</translation>
    </message>
    <message>
        <source>{key} has a wrong value</source>
        <translation>у поля {key} неверное значение</translation>
    </message>
    <message>
        <source>Profile “{name}”: its token URL {url} is on another server, so it was not imported (the password would be sent there). The token URL will be found automatically; if you trust that address, type it in Advanced.</source>
        <translation>Профиль «{name}»: его адрес выдачи токенов {url} находится на другом сервере и не импортирован (туда ушёл бы пароль). Адрес выдачи токенов будет найден автоматически; если вы доверяете этому адресу, введите его в разделе «Дополнительно».</translation>
    </message>
    <message>
        <source>not JSON ({error})</source>
        <translation>не JSON ({error})</translation>
    </message>
    <message>
        <source>not an msauth-gui profiles export</source>
        <translation>это не экспорт профилей msauth-gui</translation>
    </message>
    <message>
        <source>has no profile list</source>
        <translation>нет списка профилей</translation>
    </message>
    <message>
        <source>read a saved secret</source>
        <translation>прочитать сохранённый секрет</translation>
    </message>
    <message>
        <source>save a secret</source>
        <translation>сохранить секрет</translation>
    </message>
    <message>
        <source>remove a secret</source>
        <translation>удалить секрет</translation>
    </message>
    <message>
        <source>The system keyring could not {action}: {detail}</source>
        <translation>Системное хранилище паролей не смогло {action}: {detail}</translation>
    </message>
    <message>
        <source>keyring failed to load ({error})</source>
        <translation>не удалось загрузить модуль хранилища паролей ({error})</translation>
    </message>
    <message>
        <source>no system keyring is available (on Linux: a Secret Service such as GNOME Keyring or KWallet must be running and unlocked)</source>
        <translation>системное хранилище паролей недоступно (в Linux должна работать и быть разблокирована служба Secret Service, например GNOME Keyring или KWallet)</translation>
    </message>
    <message>
        <source>no system keyring</source>
        <translation>нет системного хранилища паролей</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>(адрес неизвестен)</translation>
    </message>
    <message>
        <source>the answer was empty</source>
        <translation>ответ пустой</translation>
    </message>
    <message>
        <source>it is not a token object (JSON)</source>
        <translation>это не объект токена (JSON)</translation>
    </message>
    <message>
        <source>it has no access token</source>
        <translation>в нём нет токена доступа</translation>
    </message>
    <message>
        <source>expires_in {value} is not a number; expiry unknown</source>
        <translation>expires_in {value} — не число; срок действия неизвестен</translation>
    </message>
    <message>
        <source>expires_in {seconds:g} s is not believable; expiry unknown</source>
        <translation>expires_in {seconds:g} с — неправдоподобно; срок действия неизвестен</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>The token cannot be renewed without you: the server gave no usable refresh token and signing in again automatically is off (or the password is not known). Sign in again.</source>
        <translation>Автоматически обновить токен нельзя: сервер не дал пригодного токена обновления, а повторный вход с паролем выключен (или пароль неизвестен). Войдите снова.</translation>
    </message>
    <message>
        <source>The server&apos;s new token is no fresher than the last one: it has already expired by this computer&apos;s clock, or expires sooner. The server&apos;s clock may be behind this computer&apos;s. Renewing again after a pause.</source>
        <translation>Новый токен сервера не свежее прежнего: по часам этого компьютера он уже истёк или истекает раньше. Возможно, часы сервера отстают от часов этого компьютера. Повторное обновление — после паузы.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Сначала войдите.</translation>
    </message>
    <message>
        <source>The saved session has ended; sign in again.</source>
        <translation>Сохранённый сеанс завершён; войдите снова.</translation>
    </message>
    <message>
        <source>{path} is too large for a profiles file (over {size} MiB)</source>
        <translation>{path} слишком велик для файла профилей (больше {size} МиБ)</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>Не удаётся прочитать {path}: {error}</translation>
    </message>
    <message>
        <source>{path} is not a profiles file (not UTF-8 text)</source>
        <translation>{path} — не файл профилей (не текст в UTF-8)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>Не удаётся записать {path}: {error}</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({detail}). Try again; if it repeats, report it.</source>
        <translation>Произошло что-то непредвиденное ({detail}). Повторите попытку; если это повторяется, сообщите об ошибке.</translation>
    </message>
    <message>
        <source>The request to {host} was cancelled.</source>
        <translation>Запрос к {host} отменён.</translation>
    </message>
    <message>
        <source>the keyring backend {backend} keeps secrets in a file, not in a system keyring, so it is not used (on Linux: run a Secret Service such as GNOME Keyring or KWallet)</source>
        <translation>хранилище {backend} держит секреты в файле, а не в системном хранилище паролей, поэтому не используется (в Linux запустите службу Secret Service, например GNOME Keyring или KWallet)</translation>
    </message>
    <message>
        <source>the {what} has characters no token has (RFC 6750 allows letters, digits and -._~+/=)</source>
        <translation>{what} содержит символы, которых не бывает в токене (RFC 6750 допускает буквы, цифры и -._~+/=)</translation>
    </message>
    <message>
        <source>access token</source>
        <translation>токен доступа</translation>
    </message>
    <message>
        <source>refresh token</source>
        <translation>токен обновления</translation>
    </message>
    <message>
        <source>the token&apos;s exp {value} is not believable; expiry unknown</source>
        <translation>exp токена {value} — неправдоподобно; срок действия неизвестен</translation>
    </message>
    <message>
        <source>the token type {value} is not one plain word</source>
        <translation>тип токена {value} — не одно простое слово</translation>
    </message>
    <message>
        <source>Its answer began: {snippet}</source>
        <translation>Начало ответа: {snippet}</translation>
    </message>
    <message>
        <source>unexpected HTTP {status}</source>
        <translation>неожиданный код ответа HTTP {status}</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>the raw Basic form cannot carry control characters; use base64</source>
        <translation>Basic без кодирования не может передать управляющие символы; используйте base64</translation>
    </message>
    <message>
        <source>No token endpoint was found on this server. Tried: {tried}. If you know the token URL, enter it (Token URL in Advanced, or --token-url).</source>
        <translation>На этом сервере не найден адрес выдачи токенов. Проверено: {tried}. Если вы знаете этот адрес, укажите его («Адрес выдачи токенов» в разделе «Дополнительно» или --token-url).</translation>
    </message>
    <message>
        <source>Tried: {tried}.</source>
        <translation>Проверено: {tried}.</translation>
    </message>
    <message>
        <source>not tried: it is on another server ({origin}); the password is only sent to the server you typed</source>
        <translation>не проверялся: он на другом сервере ({origin}); пароль отправляется только на сервер, который вы указали</translation>
    </message>
    <message>
        <source>names no usable token_endpoint</source>
        <translation>не содержит пригодного token_endpoint</translation>
    </message>
    <message>
        <source>not a readable discovery document</source>
        <translation>не читается как документ обнаружения</translation>
    </message>
    <message>
        <source>names the token endpoint {url}</source>
        <translation>указывает адрес выдачи токенов {url}</translation>
    </message>
    <message>
        <source>The check&apos;s {seconds} s ran out before {host} answered: no complete answer within {seconds} s. Check that the server is running, or raise the timeout.</source>
        <translation>Время проверки ({seconds} с) истекло раньше, чем ответил {host}. Проверьте, что сервер работает, или увеличьте время ожидания.</translation>
    </message>
    <message>
        <source>must be on the server ({origin}), as the probe sends the credentials; use a path such as /DocTypes?$top=1</source>
        <translation>должен быть на этом сервере ({origin}): пробный запрос отправляет учётные данные; укажите путь вида /DocTypes?$top=1</translation>
    </message>
    <message>
        <source>Probe path</source>
        <translation>Путь пробного запроса</translation>
    </message>
</context>
<context>
    <name>fmt</name>
    <message>
        <source>Signed out</source>
        <translation>Вход не выполнен</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Действителен</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Обновление…</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Скоро истекает</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истёк</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Войдите снова</translation>
    </message>
    <message>
        <source>Credentials verified</source>
        <translation>Учётные данные подтверждены</translation>
    </message>
    <message>
        <source>Enter the server and the account, then sign in (Enter).</source>
        <translation>Укажите сервер и учётную запись, затем войдите (Enter).</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} с</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} ч {minutes} мин</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} мин {seconds} с</translation>
    </message>
    <message>
        <source>does not expire (Basic sends the credentials with every request)</source>
        <translation>не ограничен (Basic отправляет учётные данные с каждым запросом)</translation>
    </message>
    <message>
        <source>unknown (the server did not say; no automatic refresh)</source>
        <translation>неизвестен (сервер не сообщил; автоматического обновления нет)</translation>
    </message>
    <message>
        <source>expired at {time}</source>
        <translation>истёк в {time}</translation>
    </message>
    <message>
        <source>{left} left — at {time}</source>
        <translation>осталось {left} (до {time})</translation>
    </message>
    <message>
        <source>refresh failed, retrying in {time}</source>
        <translation>обновить не удалось, повтор через {time}</translation>
    </message>
    <message>
        <source>none needed (Basic)</source>
        <translation>не требуется (Basic)</translation>
    </message>
    <message>
        <source>none scheduled</source>
        <translation>не запланировано</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <source>in {left} — at {time}</source>
        <translation>через {left} (в {time})</translation>
    </message>
    <message>
        <source>never</source>
        <translation>не было</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>нет ответа</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} мс</translation>
    </message>
    <message>
        <source>(not a JWT: no claims to show)</source>
        <translation>(не JWT: полей нет)</translation>
    </message>
    <message>
        <source>Signing in to {host} by {method}…</source>
        <translation>Вход на {host} ({method})…</translation>
    </message>
    <message>
        <source>Refresh failed, retrying in {time}: {error}</source>
        <translation>Обновить не удалось, повтор через {time}: {error}</translation>
    </message>
    <message>
        <source>Renewing the token in the background…</source>
        <translation>Токен обновляется в фоне…</translation>
    </message>
    <message>
        <source>The token has expired. Sign in again.</source>
        <translation>Срок действия токена истёк. Войдите снова.</translation>
    </message>
    <message>
        <source>Credentials verified: the server accepted the Basic header.</source>
        <translation>Учётные данные подтверждены: сервер принял заголовок Basic.</translation>
    </message>
    <message>
        <source>Signed in to {host} by {method}.</source>
        <translation>Вход на {host} выполнен ({method}).</translation>
    </message>
    <message>
        <source>Signed in — checking…</source>
        <translation>Вход выполнен — проверка токена…</translation>
    </message>
    <message>
        <source>Signed in — no rights</source>
        <translation>Вход выполнен — нет прав</translation>
    </message>
    <message>
        <source>Signed in — not confirmed</source>
        <translation>Вход выполнен — не подтверждён</translation>
    </message>
    <message>
        <source>Signed in to {host} by {method}; testing the token with a data request…</source>
        <translation>Вход на {host} выполнен ({method}); токен проверяется пробным запросом…</translation>
    </message>
    <message>
        <source>Signed in, but the token could not be tested: Test token tries again.</source>
        <translation>Вход выполнен, но проверить токен не удалось: «Проверить токен» попробует снова.</translation>
    </message>
    <message>
        <source>The copied token has expired: the server will refuse it. Sign in again.</source>
        <translation>Скопированный токен истёк: сервер его отклонит. Войдите снова.</translation>
    </message>
    <message>
        <source>The server serves no data for the copied token: the account has no rights.</source>
        <translation>Сервер не отдаёт данные по скопированному токену: у учётной записи нет прав.</translation>
    </message>
    <message>
        <source>The copied token is not confirmed yet: no data request has succeeded with it.</source>
        <translation>Скопированный токен ещё не подтверждён: ни один запрос данных с ним пока не прошёл.</translation>
    </message>
</context>
<context>
    <name>plurals</name>
    <message numerus="yes">
        <source>too long ({length} character(s); at most {most})</source>
        <translation>
            <numerusform>слишком длинный ({length} символ; допустимо не больше {most})</numerusform>
            <numerusform>слишком длинный ({length} символа; допустимо не больше {most})</numerusform>
            <numerusform>слишком длинный ({length} символов; допустимо не больше {most})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the answer is too large ({size} byte(s))</source>
        <translation>
            <numerusform>ответ слишком большой ({size} байт)</numerusform>
            <numerusform>ответ слишком большой ({size} байта)</numerusform>
            <numerusform>ответ слишком большой ({size} байт)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the answer is too large (over {size} byte(s))</source>
        <translation>
            <numerusform>ответ слишком большой (предел — {size} байт)</numerusform>
            <numerusform>ответ слишком большой (предел — {size} байта)</numerusform>
            <numerusform>ответ слишком большой (предел — {size} байт)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the {what} is too long ({length} character(s); at most {most})</source>
        <translation>
            <numerusform>{what} слишком длинный ({length} символ; допустимо не больше {most})</numerusform>
            <numerusform>{what} слишком длинный ({length} символа; допустимо не больше {most})</numerusform>
            <numerusform>{what} слишком длинный ({length} символов; допустимо не больше {most})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it is not JSON, and too large for a token object ({size} character(s))</source>
        <translation>
            <numerusform>это не JSON, и для объекта токена ответ слишком большой ({size} символ)</numerusform>
            <numerusform>это не JSON, и для объекта токена ответ слишком большой ({size} символа)</numerusform>
            <numerusform>это не JSON, и для объекта токена ответ слишком большой ({size} символов)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate is trusted but expires in {days} day(s).</source>
        <translation>
            <numerusform>Сертификат доверенный, но срок его действия истекает через {days} день.</numerusform>
            <numerusform>Сертификат доверенный, но срок его действия истекает через {days} дня.</numerusform>
            <numerusform>Сертификат доверенный, но срок его действия истекает через {days} дней.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s) from {file}.</source>
        <translation>
            <numerusform>Импортирован %n профиль из {file}.</numerusform>
            <numerusform>Импортировано %n профиля из {file}.</numerusform>
            <numerusform>Импортировано %n профилей из {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>proxy</name>
    <message>
        <source>The server refused the session&apos;s credentials (HTTP 401).</source>
        <translation>Сервер отклонил учётные данные сеанса (HTTP 401).</translation>
    </message>
    <message>
        <source>The server refused the session&apos;s credentials (HTTP 401), the renewed ones too.</source>
        <translation>Сервер отклонил учётные данные сеанса (HTTP 401), и обновлённые тоже.</translation>
    </message>
    <message>
        <source>The server refused the credentials (HTTP 401); the body is too large to send again, so the 401 is passed on while the session renews: repeat the request.</source>
        <translation>Сервер отклонил учётные данные (HTTP 401); тело запроса слишком велико для повторной отправки, поэтому ответ 401 передан как есть, а сеанс обновляется: повторите запрос.</translation>
    </message>
    <message>
        <source>The answer was cut off midway ({error}).</source>
        <translation>Ответ оборвался на середине ({error}).</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Host {host} is not accepted: the proxy answers only requests to {allowed} (a guard against DNS rebinding). Use one of those addresses.</source>
        <translation>Заголовок Host {host} не принимается: прокси отвечает только на запросы к {allowed} (защита от подмены DNS). Используйте один из этих адресов.</translation>
    </message>
    <message>
        <source>The proxy forwards only to its own server; ask for a path such as /api/v1/…, not for another host.</source>
        <translation>Прокси передаёт запросы только своему серверу; запрашивайте путь вида /api/v1/…, а не другой узел.</translation>
    </message>
    <message>
        <source>{method} is not supported by the proxy.</source>
        <translation>Прокси не поддерживает {method}.</translation>
    </message>
    <message>
        <source>Upgrade (WebSocket) is not supported by the proxy.</source>
        <translation>Прокси не поддерживает смену протокола (Upgrade: WebSocket).</translation>
    </message>
    <message>
        <source>{method} is refused: this proxy is read-only.</source>
        <translation>{method} отклонён: этот прокси только для чтения.</translation>
    </message>
    <message>
        <source>Requests from web pages ({origin}) are refused: a page could act as you. Start the proxy with --allow-origin {origin} to let that page in.</source>
        <translation>Запросы веб-страниц ({origin}) отклоняются: страница могла бы действовать от вашего имени. Чтобы пустить эту страницу, запустите прокси с --allow-origin {origin}.</translation>
    </message>
    <message>
        <source>not HTTP ({error})</source>
        <translation>не HTTP ({error})</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Сеанс завершён.</translation>
    </message>
    <message>
        <source>Not signed in: sign in first, then try again.</source>
        <translation>Вход не выполнен: сначала войдите, затем повторите запрос.</translation>
    </message>
    <message>
        <source>The token has expired and could not be renewed yet ({problem}). Try again later.</source>
        <translation>Срок действия токена истёк, обновить его пока не удалось ({problem}). Повторите позже.</translation>
    </message>
    <message>
        <source>The token has expired and its renewal takes longer than {seconds} s.</source>
        <translation>Срок действия токена истёк, а его обновление длится дольше {seconds} с.</translation>
    </message>
    <message>
        <source>no renewal is running</source>
        <translation>обновление не выполняется</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} мс</translation>
    </message>
    <message>
        <source>Requests from other web sites are refused: a page could act as you.</source>
        <translation>Запросы с других веб-сайтов отклоняются: страница могла бы действовать от вашего имени.</translation>
    </message>
</context>
<context>
    <name>remember</name>
    <message>
        <source>Token endpoint found automatically at {url} (URLs tried: {count}).</source>
        <translation>Адрес выдачи токенов найден автоматически: {url} (проверено адресов: {count}).</translation>
    </message>
    <message>
        <source>Session URL found automatically at {url} (URLs tried: {count}).</source>
        <translation>Адрес сессии найден автоматически: {url} (проверено адресов: {count}).</translation>
    </message>
    <message>
        <source>The remembered token URL {url} answered HTTP {status}: it is forgotten and the token endpoint is looked for again.</source>
        <translation>Запомненный адрес выдачи токенов {url} ответил HTTP {status}: он забыт и ищется заново.</translation>
    </message>
    <message>
        <source>The remembered session URL {url} answered HTTP {status}: it is forgotten and looked for again.</source>
        <translation>Запомненный адрес сессии {url} ответил HTTP {status}: он забыт и ищется заново.</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>pass</source>
        <translation>пройдена</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>не пройдена</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>пропущена</translation>
    </message>
    <message>
        <source>info</source>
        <translation>сведения</translation>
    </message>
    <message>
        <source>Exit code {code}; took {ms} ms.</source>
        <translation>Код выхода {code}; время проверки {ms} мс.</translation>
    </message>
    <message>
        <source>| Status | Check | Tried | What happened | What it means | What to do | ms |</source>
        <translation>| Результат | Проверка | Что пробовали | Что произошло | Что это значит | Что делать | мс |</translation>
    </message>
    <message>
        <source>## Server check: {server}</source>
        <translation>## Проверка сервера: {server}</translation>
    </message>
    <message>
        <source>**Verdict:** {verdict}</source>
        <translation>**Итог:** {verdict}</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>ПРОВЕРКА</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>РЕЗУЛЬТАТ</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Verdict:</source>
        <translation>Итог:</translation>
    </message>
    <message>
        <source>tried:</source>
        <translation>пробовали:</translation>
    </message>
    <message>
        <source>means:</source>
        <translation>значит:</translation>
    </message>
    <message>
        <source>do:</source>
        <translation>делать:</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>ПОДРОБНОСТИ</translation>
    </message>
</context>
</TS>
