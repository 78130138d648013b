<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../crash_dialog.py" line="31"/>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="34"/>
        <source>Strongroom met an error it did not expect. Your vault is safe: every change is written completely or not at all. The details below help to fix it; they may name a file, so check them before sending.</source>
        <translation>Strongroom столкнулся с непредвиденной ошибкой. Хранилище в безопасности: каждое изменение записывается целиком или не записывается вовсе. Подробности ниже помогут исправить ошибку; в них может быть имя файла, проверьте их перед отправкой.</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="44"/>
        <source>Copy details</source>
        <translation>Копировать подробности</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <location filename="../create_dialog.py" line="39"/>
        <source>Create a vault</source>
        <translation>Создание хранилища</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="47"/>
        <source>a new or empty folder</source>
        <translation>новая или пустая папка</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="48"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="52"/>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="57"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="58"/>
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="64"/>
        <source>Strength</source>
        <translation>Надёжность</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="78"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="87"/>
        <source>Folder for the new vault</source>
        <translation>Папка для нового хранилища</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="95"/>
        <source>Very weak: use several unrelated words.</source>
        <translation>Очень слабая: используйте несколько не связанных слов.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="96"/>
        <source>Weak: a guesser with your disk could find it. Add words.</source>
        <translation>Слабая: имея копию диска, её можно подобрать. Добавьте слова.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="97"/>
        <source>Fair.</source>
        <translation>Средняя.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="97"/>
        <source>Strong.</source>
        <translation>Надёжная.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="97"/>
        <source>Very strong.</source>
        <translation>Очень надёжная.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="99"/>
        <source>A passphrase of five or more unrelated words is strong and easy to remember.</source>
        <translation>Фраза из пяти и более не связанных слов надёжна и легко запоминается.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="103"/>
        <source>This passphrase is too weak for a vault.</source>
        <translation>Эта фраза слишком слаба для хранилища.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="105"/>
        <source>The two passphrases differ.</source>
        <translation>Фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="129"/>
        <source>The vault could not be created.</source>
        <translation>Не удалось создать хранилище.</translation>
    </message>
</context>
<context>
    <name>CustodyModel</name>
    <message>
        <location filename="../custody_model.py" line="27"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../custody_model.py" line="27"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../custody_model.py" line="27"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../custody_model.py" line="27"/>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../custody_model.py" line="28"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../detail_pane.py" line="63"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="67"/>
        <source>Facts</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="70"/>
        <source>Metadata</source>
        <translation>Метаданные</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="73"/>
        <source>Provenance</source>
        <translation>Происхождение</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="77"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="80"/>
        <source>comma-separated</source>
        <translation>через запятую</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="81"/>
        <source>Save tags</source>
        <translation>Сохранить метки</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="88"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="93"/>
        <source>A new note (kept in the custody record)</source>
        <translation>Новая заметка (сохраняется в журнале хранения)</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="95"/>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="102"/>
        <source>Custody timeline</source>
        <translation>История хранения</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="137"/>
        <source>Nothing selected</source>
        <translation>Ничего не выбрано</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="142"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="143"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="144"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="149"/>
        <source>Captured</source>
        <translation>Снято</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="151"/>
        <source>Camera clock</source>
        <translation>Часы камеры</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="153"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="158"/>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="160"/>
        <source>Dimensions</source>
        <translation>Размеры</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="162"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="164"/>
        <source>Text encoding</source>
        <translation>Кодировка текста</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="165"/>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="166"/>
        <source>Item id</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="168"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="175"/>
        <source>imported %1 by %2 on %3</source>
        <translation>принято %1, %2, на %3</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="179"/>
        <source>modified %1</source>
        <translation>изменён %1</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="203"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="226"/>
        <source>Tags not saved</source>
        <translation>Метки не сохранены</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="237"/>
        <source>Note not saved</source>
        <translation>Заметка не сохранена</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../import_panel.py" line="27"/>
        <source>Cancel import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="29"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="50"/>
        <source>Looking for files…</source>
        <translation>Поиск файлов…</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="60"/>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="76"/>
        <source>Import cancelled; what was already in stays in.</source>
        <translation>Импорт отменён; уже принятое осталось в хранилище.</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="77"/>
        <source>Import finished.</source>
        <translation>Импорт завершён.</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="83"/>
        <source>Import stopped: %1</source>
        <translation>Импорт остановлен: %1</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="89"/>
        <source>Cancelling after the file at hand…</source>
        <translation>Отмена после текущего файла…</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="94"/>
        <source>Imported: %1 · Already in the vault: %2 · Failed: %3</source>
        <translation>Принято: %1 · Уже в хранилище: %2 · Ошибки: %3</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../items_model.py" line="124"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="124"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="124"/>
        <source>Captured</source>
        <translation>Снято</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="124"/>
        <source>Imported</source>
        <translation>Принято</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="125"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="125"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="125"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="85"/>
        <source>Search transcripts, notes, names… (Ctrl+F)</source>
        <translation>Поиск по расшифровкам, заметкам, именам… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="145"/>
        <source>Import &amp;files…</source>
        <translation>Импорт &amp;файлов…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="146"/>
        <source>Import a f&amp;older…</source>
        <translation>Импорт &amp;папки…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="148"/>
        <source>&amp;New case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="149"/>
        <source>&amp;Export exhibit package…</source>
        <translation>&amp;Экспорт пакета доказательств…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150"/>
        <source>&amp;Verify the vault</source>
        <translation>&amp;Проверить хранилище</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="151"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="152"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153"/>
        <source>&amp;Grid</source>
        <translation>&amp;Сетка</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="154"/>
        <source>&amp;Table</source>
        <translation>&amp;Таблица</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="155"/>
        <source>&amp;Search</source>
        <translation>&amp;Поиск</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="157"/>
        <source>&amp;Open item</source>
        <translation>&amp;Открыть материал</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="158"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="160"/>
        <source>&amp;About Strongroom</source>
        <translation>&amp;О программе Strongroom</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="162"/>
        <source>&amp;Vault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="167"/>
        <source>V&amp;iew</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="170"/>
        <source>&amp;Tools</source>
        <translation>&amp;Сервис</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228"/>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228"/>
        <source>Name of the case:</source>
        <translation>Название дела:</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="272"/>
        <source>Cannot open the item</source>
        <translation>Не удаётся открыть материал</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="312"/>
        <source>Import files</source>
        <translation>Импорт файлов</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="317"/>
        <source>Import a folder</source>
        <translation>Импорт папки</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="325"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="326"/>
        <source>An import is already running; wait for it to finish or cancel it.</source>
        <translation>Импорт уже идёт; дождитесь конца или отмените его.</translation>
    </message>
</context>
<context>
    <name>MediaView</name>
    <message>
        <location filename="../media_view.py" line="47"/>
        <source>Play or pause (Space)</source>
        <translation>Воспроизведение или пауза (Пробел)</translation>
    </message>
    <message>
        <location filename="../media_view.py" line="122"/>
        <source>This recording cannot be played here: %1</source>
        <translation>Эту запись не удаётся воспроизвести: %1</translation>
    </message>
</context>
<context>
    <name>ObjectDevice</name>
    <message>
        <location filename="../object_device.py" line="48"/>
        <source>the item could not be read</source>
        <translation>материал не удалось прочитать</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../preferences_dialog.py" line="22"/>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="26"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="27"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="29"/>
        <source>Lock after idle time</source>
        <translation>Блокировать при бездействии</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="31"/>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="35"/>
        <source>Language (after a restart)</source>
        <translation>Язык (после перезапуска)</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="36"/>
        <source>Remember recently opened vaults</source>
        <translation>Помнить недавно открытые хранилища</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="38"/>
        <source>The list of vault folders is kept in the app&apos;s settings, outside any vault.</source>
        <translation>Список папок хранилищ хранится в настройках программы, вне хранилищ.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../recovery_dialog.py" line="20"/>
        <source>Your recovery key</source>
        <translation>Ваш ключ восстановления</translation>
    </message>
    <message>
        <location filename="../recovery_dialog.py" line="23"/>
        <source>This key opens the vault if the passphrase is lost. It is shown only now. Write it on paper and keep it apart from this computer: anyone who has it can open the vault. It is not copied to the clipboard on purpose.</source>
        <translation>Этот ключ открывает хранилище, если парольная фраза утеряна. Он показывается только сейчас. Запишите его на бумаге и храните отдельно от компьютера: любой, у кого он есть, может открыть хранилище. В буфер обмена он намеренно не копируется.</translation>
    </message>
    <message>
        <location filename="../recovery_dialog.py" line="37"/>
        <source>I have written the recovery key down</source>
        <translation>Я записал(а) ключ восстановления</translation>
    </message>
    <message>
        <location filename="../recovery_dialog.py" line="40"/>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../search_panel.py" line="39"/>
        <source>Any kind</source>
        <translation>Любой тип</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="43"/>
        <source>Captured between</source>
        <translation>Снято между</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="81"/>
        <source>Any case</source>
        <translation>Любое дело</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="103"/>
        <source>%1 result(s) for %2</source>
        <translation>Найдено: %1 по запросу %2</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../search_model.py" line="30"/>
        <source>Item</source>
        <translation>Материал</translation>
    </message>
    <message>
        <location filename="../search_model.py" line="30"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../search_model.py" line="30"/>
        <source>At</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../search_model.py" line="30"/>
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <location filename="../sidebar_model.py" line="68"/>
        <source>All items</source>
        <translation>Все материалы</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="69"/>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="70"/>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="71"/>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="72"/>
        <source>Transcripts</source>
        <translation>Расшифровки</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="73"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="74"/>
        <source>Recently imported</source>
        <translation>Недавно принятые</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="83"/>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../start_window.py" line="52"/>
        <source>Recent vaults</source>
        <translation>Недавние хранилища</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="56"/>
        <source>Create a new vault…</source>
        <translation>Создать хранилище…</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="58"/>
        <source>Open another vault…</source>
        <translation>Открыть другое хранилище…</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="64"/>
        <location filename="../start_window.py" line="76"/>
        <source>Unlock</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="66"/>
        <location filename="../start_window.py" line="115"/>
        <source>Choose a vault on the left.</source>
        <translation>Выберите хранилище слева.</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="73"/>
        <source>Use the recovery key instead</source>
        <translation>Использовать ключ восстановления</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="82"/>
        <source>Deriving the key…</source>
        <translation>Вычисляется ключ…</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="116"/>
        <source>%1 is not a Strongroom vault.</source>
        <translation>%1 — не хранилище Strongroom.</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="133"/>
        <source>Open a vault folder</source>
        <translation>Открыть папку хранилища</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="151"/>
        <source>Recovery key (groups of four letters and digits)</source>
        <translation>Ключ восстановления (группы из четырёх букв и цифр)</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="152"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="201"/>
        <source>The vault could not be opened.</source>
        <translation>Не удалось открыть хранилище.</translation>
    </message>
</context>
<context>
    <name>VaultActions</name>
    <message>
        <location filename="../vault_actions.py" line="47"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../vault_actions.py" line="66"/>
        <location filename="../vault_actions.py" line="112"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../vault_actions.py" line="67"/>
        <source>Choose a case in the sidebar, or select the items to export.</source>
        <translation>Выберите дело на боковой панели или отметьте материалы для экспорта.</translation>
    </message>
    <message>
        <location filename="../vault_actions.py" line="71"/>
        <source>Where to write the package</source>
        <translation>Куда записать пакет</translation>
    </message>
    <message>
        <location filename="../vault_actions.py" line="76"/>
        <source>Writing the exhibit package…</source>
        <translation>Записывается пакет доказательств…</translation>
    </message>
    <message>
        <location filename="../vault_actions.py" line="93"/>
        <source>Verifying every item…</source>
        <translation>Проверка всех материалов…</translation>
    </message>
    <message>
        <location filename="../vault_actions.py" line="110"/>
        <source>Exhibit package written: %1</source>
        <translation>Пакет доказательств записан: %1</translation>
    </message>
    <message>
        <location filename="../vault_actions.py" line="112"/>
        <source>The exhibit package was written to %1.</source>
        <translation>Пакет доказательств записан в %1.</translation>
    </message>
    <message>
        <location filename="../vault_actions.py" line="120"/>
        <location filename="../vault_actions.py" line="124"/>
        <source>Verify</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location filename="../vault_actions.py" line="121"/>
        <source>All %1 items match their SHA-256 from intake, and the custody record is whole.</source>
        <translation>Все материалы (%1) совпадают со своими SHA-256 при приёме, журнал хранения цел.</translation>
    </message>
    <message>
        <location filename="../vault_actions.py" line="136"/>
        <source>Not done</source>
        <translation>Не выполнено</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <location filename="../viewer_window.py" line="51"/>
        <source>There is no preview for this kind of file. Its original is kept bit-exact; export it to open it elsewhere.</source>
        <translation>Для этого типа файлов нет просмотра. Оригинал хранится побитово точно; экспортируйте его, чтобы открыть в другой программе.</translation>
    </message>
    <message>
        <location filename="../viewer_window.py" line="64"/>
        <source>This photo cannot be shown: %1</source>
        <translation>Фото не удаётся показать: %1</translation>
    </message>
    <message>
        <location filename="../viewer_window.py" line="67"/>
        <source>Fit</source>
        <translation>По размеру окна</translation>
    </message>
    <message>
        <location filename="../viewer_window.py" line="69"/>
        <source>Actual size</source>
        <translation>Исходный размер</translation>
    </message>
    <message>
        <location filename="../viewer_window.py" line="70"/>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <location filename="../viewer_window.py" line="72"/>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <location filename="../viewer_window.py" line="127"/>
        <source>No text could be read from this item.</source>
        <translation>Из этого материала не удалось извлечь текст.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="33"/>
        <source>Demo vault (made-up evidence). Passphrase: %1</source>
        <translation>Демо-хранилище (вымышленные материалы). Парольная фраза: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="42"/>
        <source>Building the demo vault…</source>
        <translation>Создаётся демо-хранилище…</translation>
    </message>
    <message>
        <location filename="../app.py" line="60"/>
        <source>The demo vault could not be built: %1</source>
        <translation>Не удалось создать демо-хранилище: %1</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../error_messages.py" line="16"/>
        <source>Cancelled. Nothing half-done was kept.</source>
        <translation>Отменено. Ничего недоделанного не сохранено.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="18"/>
        <source>Wrong passphrase. Nothing was changed; try again.</source>
        <translation>Неверная парольная фраза. Ничего не изменено; попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="21"/>
        <source>That recovery key does not open this vault. Nothing was changed.</source>
        <translation>Этот ключ восстановления не открывает это хранилище. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="24"/>
        <source>Another Strongroom window or command has this vault open. Close it, then try again.</source>
        <translation>Это хранилище уже открыто в другом окне или команде Strongroom. Закройте его и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="27"/>
        <source>The vault is locked. Unlock it, then try again.</source>
        <translation>Хранилище заперто. Откройте его и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="30"/>
        <source>This folder is not a Strongroom vault.</source>
        <translation>Эта папка не является хранилищем Strongroom.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="32"/>
        <source>There is already a vault in this folder.</source>
        <translation>В этой папке уже есть хранилище.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="34"/>
        <source>This vault was made by a newer version of Strongroom. Update Strongroom to open it.</source>
        <translation>Это хранилище создано более новой версией Strongroom. Обновите Strongroom, чтобы открыть его.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="37"/>
        <source>The check found damage. The details say what is affected.</source>
        <translation>Проверка обнаружила повреждения. Подробности — что именно затронуто.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="40"/>
        <source>Stored data failed its check: the vault is damaged. Nothing was changed. Restore it from a backup copy.</source>
        <translation>Сохранённые данные не прошли проверку: хранилище повреждено. Ничего не изменено. Восстановите его из резервной копии.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="44"/>
        <source>The disk is full. Nothing half-done was kept and nothing stored was damaged; free some space and try again.</source>
        <translation>Диск заполнен. Ничего недоделанного не сохранено, сохранённое не повреждено; освободите место и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="48"/>
        <source>The request could not be understood.</source>
        <translation>Запрос не удалось понять.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="50"/>
        <source>What was chosen cannot be used; the details say why.</source>
        <translation>Выбранное нельзя использовать; причина — в подробностях.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="53"/>
        <source>The operation could not be done. Nothing half-done was kept.</source>
        <translation>Операцию выполнить не удалось. Ничего недоделанного не сохранено.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="56"/>
        <source>Strongroom may not read or write there (no permission).</source>
        <translation>Strongroom не может читать или записывать там (нет прав доступа).</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="59"/>
        <source>A file or folder it needs is not there.</source>
        <translation>Нужного файла или папки нет на месте.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="61"/>
        <source>A file could not be read or written (the disk is full, removed, or failing).</source>
        <translation>Не удалось прочитать или записать файл (диск заполнен, отключён или неисправен).</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="71"/>
        <source>Something went wrong inside Strongroom (%1). Nothing half-done was kept.</source>
        <translation>Внутренняя ошибка Strongroom (%1). Ничего недоделанного не сохранено.</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../formatting.py" line="48"/>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location filename="../formatting.py" line="49"/>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <location filename="../formatting.py" line="50"/>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <location filename="../formatting.py" line="51"/>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <location filename="../formatting.py" line="52"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../formatting.py" line="53"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../about_dialog.py" line="21"/>
        <source>&lt;h3&gt;Strongroom %1&lt;/h3&gt;&lt;p&gt;An encrypted evidence archive with a verifiable chain of custody.&lt;/p&gt;&lt;p&gt;Vault format %2 · Qt %3&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Strongroom %1&lt;/h3&gt;&lt;p&gt;Зашифрованный архив доказательств с проверяемой цепочкой хранения.&lt;/p&gt;&lt;p&gt;Формат хранилища %2 · Qt %3&lt;/p&gt;&lt;p&gt;Распространяется по лицензии GNU GPL версии 3 или более поздней.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../about_dialog.py" line="29"/>
        <source>About Strongroom</source>
        <translation>О программе Strongroom</translation>
    </message>
</context>
<context>
    <name>playback</name>
    <message>
        <location filename="../playback.py" line="39"/>
        <source>Playback is not available on this computer: Qt Multimedia could not be loaded (%1). Install the missing system package (see the README, “System packages”) and start Strongroom again. The original is kept bit-exact.</source>
        <translation>Воспроизведение на этом компьютере недоступно: не удалось загрузить Qt Multimedia (%1). Установите недостающий системный пакет (см. README, раздел «System packages») и запустите Strongroom снова. Оригинал хранится без изменений.</translation>
    </message>
</context>
<context>
    <name>start</name>
    <message>
        <location filename="../app.py" line="53"/>
        <source>Deriving the key…</source>
        <translation>Вычисляется ключ…</translation>
    </message>
</context>
</TS>
