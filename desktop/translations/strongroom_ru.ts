<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AllMetadataWindow</name>
    <message>
        <location filename="../all_metadata_window.py" line="39"/>
        <source>All metadata — %1</source>
        <translation>Все метаданные — %1</translation>
    </message>
    <message>
        <location filename="../all_metadata_window.py" line="42"/>
        <source>Group / tag</source>
        <translation>Группа / тег</translation>
    </message>
    <message>
        <location filename="../all_metadata_window.py" line="42"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../all_metadata_window.py" line="66"/>
        <source>Filter tags and values</source>
        <translation>Отбор по тегам и значениям</translation>
    </message>
    <message>
        <location filename="../all_metadata_window.py" line="70"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location filename="../all_metadata_window.py" line="71"/>
        <source>Copy the selected tags, or all shown if none is selected</source>
        <translation>Копировать выбранные теги или все показанные, если ничего не выбрано</translation>
    </message>
    <message>
        <location filename="../all_metadata_window.py" line="88"/>
        <source>%1 tags in %2 groups</source>
        <translation>Тегов: %1, групп: %2</translation>
    </message>
    <message>
        <location filename="../all_metadata_window.py" line="91"/>
        <source>The readers found no tags in this file.</source>
        <translation>В этом файле не найдено ни одного тега.</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <location filename="../case_actions.py" line="54"/>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="55"/>
        <source>Name of the case:</source>
        <translation>Название дела:</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="61"/>
        <source>Case not made</source>
        <translation>Дело не создано</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="70"/>
        <source>Rename case</source>
        <translation>Переименовать дело</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="71"/>
        <source>New name of the case:</source>
        <translation>Новое название дела:</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="77"/>
        <source>Case not renamed</source>
        <translation>Дело не переименовано</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="88"/>
        <source>Describe case</source>
        <translation>Описание дела</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="89"/>
        <source>Description of «%1»:</source>
        <translation>Описание дела «%1»:</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="95"/>
        <source>Description not saved</source>
        <translation>Описание не сохранено</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="105"/>
        <source>Delete case</source>
        <translation>Удалить дело</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="106"/>
        <source>Delete the case «%1»? Its %2 item(s) stay in the vault; the custody record keeps the case&apos;s history.</source>
        <translation>Удалить дело «%1»? Его материалы (%2) останутся в хранилище; журнал хранения сохранит историю дела.</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="113"/>
        <source>Case not deleted</source>
        <translation>Дело не удалено</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="129"/>
        <source>Not added to the case</source>
        <translation>Не добавлено в дело</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="145"/>
        <source>Not taken out of the case</source>
        <translation>Не исключено из дела</translation>
    </message>
    <message>
        <location filename="../case_actions.py" line="167"/>
        <source>Not deleted</source>
        <translation>Не удалено</translation>
    </message>
</context>
<context>
    <name>CaseMenus</name>
    <message>
        <location filename="../case_menus.py" line="55"/>
        <source>&amp;New case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="56"/>
        <location filename="../case_menus.py" line="143"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Переименовать…</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="57"/>
        <location filename="../case_menus.py" line="144"/>
        <source>&amp;Describe…</source>
        <translation>&amp;Описание…</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="58"/>
        <location filename="../case_menus.py" line="145"/>
        <source>&amp;Delete case…</source>
        <translation>&amp;Удалить дело…</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="59"/>
        <source>&amp;Add to case</source>
        <translation>&amp;Добавить в дело</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="61"/>
        <source>&amp;Remove from this case</source>
        <translation>&amp;Убрать из этого дела</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="62"/>
        <source>De&amp;lete item(s)…</source>
        <translation>Уд&amp;алить материалы…</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="63"/>
        <location filename="../case_menus.py" line="119"/>
        <source>&amp;Link to recording…</source>
        <translation>&amp;Связать с записью…</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="65"/>
        <source>&amp;Unlink</source>
        <translation>Сн&amp;ять связь</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="66"/>
        <source>Crypto-erase the selected items, with a reason kept in the custody record</source>
        <translation>Криптостереть выбранные материалы; причина сохраняется в журнале хранения</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="71"/>
        <source>&amp;Case</source>
        <translation>&amp;Дело</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="75"/>
        <source>It&amp;em</source>
        <translation>&amp;Материал</translation>
    </message>
    <message>
        <location filename="../case_menus.py" line="118"/>
        <source>&amp;Link to transcript…</source>
        <translation>&amp;Связать с расшифровкой…</translation>
    </message>
</context>
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
        <location filename="../create_dialog.py" line="54"/>
        <source>as it should appear in the custody record</source>
        <translation>как его записывать в журнал хранения</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="55"/>
        <source>Every action you take in this vault is recorded under this name. You can change it in Preferences.</source>
        <translation>Каждое ваше действие в этом хранилище записывается под этим именем. Его можно изменить в настройках.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="57"/>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="62"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="63"/>
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="69"/>
        <source>Strength</source>
        <translation>Надёжность</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="83"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="92"/>
        <source>Folder for the new vault</source>
        <translation>Папка для нового хранилища</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="100"/>
        <source>Very weak: use several unrelated words.</source>
        <translation>Очень слабая: используйте несколько не связанных слов.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="101"/>
        <source>Weak: a guesser with your disk could find it. Add words.</source>
        <translation>Слабая: имея копию диска, её можно подобрать. Добавьте слова.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="102"/>
        <source>Fair.</source>
        <translation>Средняя.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="102"/>
        <source>Strong.</source>
        <translation>Надёжная.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="102"/>
        <source>Very strong.</source>
        <translation>Очень надёжная.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="104"/>
        <source>A passphrase of five or more unrelated words is strong and easy to remember.</source>
        <translation>Фраза из пяти и более не связанных слов надёжна и легко запоминается.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="108"/>
        <source>This passphrase is too weak for a vault.</source>
        <translation>Эта фраза слишком слаба для хранилища.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="110"/>
        <source>The two passphrases differ.</source>
        <translation>Фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="135"/>
        <source>The vault could not be created.</source>
        <translation>Не удалось создать хранилище.</translation>
    </message>
</context>
<context>
    <name>CustodyModel</name>
    <message>
        <location filename="../custody_model.py" line="38"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../custody_model.py" line="38"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../custody_model.py" line="38"/>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
</context>
<context>
    <name>CustodyText</name>
    <message>
        <location filename="../custody_text.py" line="14"/>
        <source>Imported «{name}» by {actor}</source>
        <translation>Принято «{name}» ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="15"/>
        <source>Imported from {source} by {actor}</source>
        <translation>Принято из {source} ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="16"/>
        <source>into case «{case}»</source>
        <translation>в дело «{case}»</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="17"/>
        <source>tagged {tags}</source>
        <translation>метки {tags}</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="18"/>
        <source>Metadata and text read ({fields}) by {actor}</source>
        <translation>Прочитаны метаданные и текст ({fields}) ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="19"/>
        <source>Nothing could be read from the file (by {actor})</source>
        <translation>Из файла ничего не удалось прочитать ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="20"/>
        <source>Presented again as «{name}» by {actor}</source>
        <translation>Представлено повторно как «{name}» ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="21"/>
        <source>Viewed by {actor}</source>
        <translation>Просмотрено ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="22"/>
        <source>Original handed out ({via}) by {actor}</source>
        <translation>Оригинал выдан ({via}) ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="23"/>
        <source>Note added by {actor}</source>
        <translation>Добавлена заметка ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="24"/>
        <source>Tag {tags} added by {actor}</source>
        <translation>Добавлена метка {tags} ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="25"/>
        <source>Tags {tags} added by {actor}</source>
        <translation>Добавлены метки {tags} ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="26"/>
        <source>Tag {tags} removed by {actor}</source>
        <translation>Снята метка {tags} ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="27"/>
        <source>Tags {tags} removed by {actor}</source>
        <translation>Сняты метки {tags} ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="28"/>
        <source>Added to case «{case}» by {actor}</source>
        <translation>Добавлено в дело «{case}» ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="29"/>
        <source>Taken out of case «{case}» by {actor}</source>
        <translation>Исключено из дела «{case}» ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="30"/>
        <source>Case «{case}» created by {actor}</source>
        <translation>Создано дело «{case}» ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="31"/>
        <source>Case «{previous_case}» renamed to «{case}» by {actor}</source>
        <translation>Дело «{previous_case}» переименовано в «{case}» ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="32"/>
        <source>Description of case «{case}» changed by {actor}</source>
        <translation>Изменено описание дела «{case}» ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="33"/>
        <source>Case «{case}» deleted by {actor}; its {items} item(s) stay in the vault</source>
        <translation>Дело «{case}» удалено ({actor}); его материалы ({items}) остаются в хранилище</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="35"/>
        <source>Exported as {exhibit} in package {package} to {destination} by {actor}</source>
        <translation>Экспортировано как {exhibit} в пакет {package} в {destination} ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="37"/>
        <source>Exported as {exhibit} by {actor}</source>
        <translation>Экспортировано как {exhibit} ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="38"/>
        <source>Publication copy {file} written by {actor}</source>
        <translation>Записана копия для публикации {file} ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="39"/>
        <source>Verified: {result}, {items} items, by {actor}</source>
        <translation>Проверено: {result}, материалов: {items} ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="40"/>
        <source>Deleted (crypto-erasure) by {actor}; reason: {reason}</source>
        <translation>Удалено (криптостирание) ({actor}); причина: {reason}</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="41"/>
        <source>Passphrase changed by {actor}</source>
        <translation>Парольная фраза изменена ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="42"/>
        <source>Transcript {transcript} linked to recording {recording} by {actor}</source>
        <translation>Расшифровка {transcript} связана с записью {recording} ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="44"/>
        <source>Transcript {transcript} unlinked from recording {recording} by {actor}</source>
        <translation>Связь расшифровки {transcript} с записью {recording} снята ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="46"/>
        <source>Examiner set to {examiner} by {actor}</source>
        <translation>Имя исследователя: {examiner} ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="47"/>
        <source>Examiner cleared (the login name acts) by {actor}</source>
        <translation>Имя исследователя снято (действует имя входа) ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="48"/>
        <source>Redacted by {actor}</source>
        <translation>Отредактировано ({actor})</translation>
    </message>
    <message>
        <location filename="../custody_text.py" line="49"/>
        <source>{action} by {actor}</source>
        <translation>{action} ({actor})</translation>
    </message>
</context>
<context>
    <name>DeleteItemsDialog</name>
    <message>
        <location filename="../delete_dialog.py" line="21"/>
        <source>Delete items</source>
        <translation>Удаление материалов</translation>
    </message>
    <message>
        <location filename="../delete_dialog.py" line="26"/>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <location filename="../delete_dialog.py" line="27"/>
        <source>Delete %1 item(s) for good?</source>
        <translation>Удалить материалы (%1) безвозвратно?</translation>
    </message>
    <message>
        <location filename="../delete_dialog.py" line="32"/>
        <source>The originals become unreadable (crypto-erasure: their keys are destroyed), and their thumbnails, text, metadata, notes and search entries are removed. This cannot be undone. The custody record keeps the deletion, its reason, who asked for it and each original&apos;s SHA-256.</source>
        <translation>Оригиналы станут нечитаемыми (криптостирание: их ключи уничтожаются), а их миниатюры, текст, метаданные, заметки и записи поиска будут удалены. Это нельзя отменить. Журнал хранения сохранит удаление, его причину, кто его запросил, и SHA-256 каждого оригинала.</translation>
    </message>
    <message>
        <location filename="../delete_dialog.py" line="39"/>
        <source>Reason (kept in the custody record)</source>
        <translation>Причина (сохраняется в журнале хранения)</translation>
    </message>
    <message>
        <location filename="../delete_dialog.py" line="44"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../detail_pane.py" line="66"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="70"/>
        <source>Facts</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="73"/>
        <source>Metadata</source>
        <translation>Метаданные</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="77"/>
        <source>Provenance</source>
        <translation>Происхождение</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="81"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="84"/>
        <source>comma-separated</source>
        <translation>через запятую</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="85"/>
        <source>Save tags</source>
        <translation>Сохранить метки</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="92"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="97"/>
        <source>A new note (kept in the custody record)</source>
        <translation>Новая заметка (сохраняется в журнале хранения)</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="99"/>
        <location filename="../detail_pane.py" line="101"/>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="106"/>
        <source>Add the note (Ctrl+Return)</source>
        <translation>Добавить заметку (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="115"/>
        <source>Custody timeline</source>
        <translation>История хранения</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="161"/>
        <source>Nothing selected</source>
        <translation>Ничего не выбрано</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="166"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="167"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="168"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="174"/>
        <source>Captured</source>
        <translation>Снято</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="175"/>
        <source>(zone unknown)</source>
        <translation>(часовой пояс неизвестен)</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="176"/>
        <source>(date only)</source>
        <translation>(только дата)</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="178"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="183"/>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="185"/>
        <source>Dimensions</source>
        <translation>Размеры</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="187"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="189"/>
        <source>Text encoding</source>
        <translation>Кодировка текста</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="190"/>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="193"/>
        <source>Item id</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="195"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="202"/>
        <source>imported %1 by %2 on %3</source>
        <translation>принято %1, %2, на %3</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="206"/>
        <source>modified %1</source>
        <translation>изменён %1</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="228"/>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="229"/>
        <source>Recording</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="230"/>
        <source>%1 (linked by hand)</source>
        <translation>%1 (связь задана вручную)</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="247"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="286"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="298"/>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="304"/>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="306"/>
        <source>Tags not saved</source>
        <translation>Метки не сохранены</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="306"/>
        <source>Note not saved</source>
        <translation>Заметка не сохранена</translation>
    </message>
</context>
<context>
    <name>EmptyHint</name>
    <message>
        <location filename="../empty_hint.py" line="23"/>
        <source>Nothing here yet.

Import evidence with Vault ▸ Import files… (Ctrl+I) or Import a folder… (Ctrl+Shift+I), or drag files and folders into this window.</source>
        <translation>Здесь пока ничего нет.

Импортируйте материалы через Хранилище ▸ Импорт файлов… (Ctrl+I) или Импорт папки… (Ctrl+Shift+I) либо перетащите файлы и папки в это окно.</translation>
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
        <location filename="../items_model.py" line="350"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="350"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="350"/>
        <source>Captured</source>
        <translation>Снято</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="350"/>
        <source>Imported</source>
        <translation>Принято</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="351"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="351"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../items_model.py" line="351"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
</context>
<context>
    <name>LinkActions</name>
    <message>
        <location filename="../link_actions.py" line="79"/>
        <source>Not linked</source>
        <translation>Связь не создана</translation>
    </message>
    <message>
        <location filename="../link_actions.py" line="95"/>
        <source>Unlink</source>
        <translation>Снять связь</translation>
    </message>
    <message>
        <location filename="../link_actions.py" line="96"/>
        <source>Unlink from which item?</source>
        <translation>Снять связь с каким материалом?</translation>
    </message>
    <message>
        <location filename="../link_actions.py" line="104"/>
        <source>Not unlinked</source>
        <translation>Связь не снята</translation>
    </message>
</context>
<context>
    <name>LinkRecordingDialog</name>
    <message>
        <location filename="../link_dialog.py" line="45"/>
        <source>Link to recording</source>
        <translation>Связь с записью</translation>
    </message>
    <message>
        <location filename="../link_dialog.py" line="46"/>
        <source>Which recording does «%1» transcribe? The link is kept in the custody record of both items.</source>
        <translation>Расшифровкой какой записи является «%1»? Связь сохраняется в журнале хранения обоих материалов.</translation>
    </message>
    <message>
        <location filename="../link_dialog.py" line="53"/>
        <source>Filter by name</source>
        <translation>Фильтр по имени</translation>
    </message>
    <message>
        <location filename="../link_dialog.py" line="61"/>
        <source>(suggested by the file names)</source>
        <translation>(предложено по именам файлов)</translation>
    </message>
    <message>
        <location filename="../link_dialog.py" line="48"/>
        <source>The vault holds no recording to link to.</source>
        <translation>В хранилище нет записей, с которыми можно связать.</translation>
    </message>
    <message>
        <location filename="../link_dialog.py" line="40"/>
        <source>Link to transcript</source>
        <translation>Связать с расшифровкой</translation>
    </message>
    <message>
        <location filename="../link_dialog.py" line="41"/>
        <source>Which transcript transcribes «%1»? The link is kept in the custody record of both items.</source>
        <translation>Какая расшифровка относится к «%1»? Связь сохраняется в журнале хранения обоих объектов.</translation>
    </message>
    <message>
        <location filename="../link_dialog.py" line="43"/>
        <source>The vault holds no transcript to link to.</source>
        <translation>В хранилище нет расшифровки, с которой можно связать.</translation>
    </message>
    <message>
        <location filename="../link_dialog.py" line="72"/>
        <source>Link</source>
        <translation>Связать</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="90"/>
        <source>Search transcripts, notes, names… (Ctrl+F)</source>
        <translation>Поиск по расшифровкам, заметкам, именам… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153"/>
        <source>Import &amp;files…</source>
        <translation>Импорт &amp;файлов…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="154"/>
        <source>Import a f&amp;older…</source>
        <translation>Импорт &amp;папки…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="156"/>
        <source>&amp;Export exhibit package…</source>
        <translation>&amp;Экспорт пакета доказательств…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="157"/>
        <source>&amp;Verify the vault</source>
        <translation>&amp;Проверить хранилище</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="158"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="159"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="160"/>
        <source>&amp;Grid</source>
        <translation>&amp;Сетка</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="161"/>
        <source>&amp;Table</source>
        <translation>&amp;Таблица</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="163"/>
        <source>&amp;Search</source>
        <translation>&amp;Поиск</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="165"/>
        <source>&amp;Open item</source>
        <translation>&amp;Открыть материал</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="166"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="168"/>
        <source>&amp;About Strongroom</source>
        <translation>&amp;О программе Strongroom</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="170"/>
        <source>&amp;Vault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175"/>
        <source>V&amp;iew</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="179"/>
        <source>&amp;Tools</source>
        <translation>&amp;Сервис</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="181"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="296"/>
        <source>Cannot open the item</source>
        <translation>Не удаётся открыть материал</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="331"/>
        <source>Import files</source>
        <translation>Импорт файлов</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="336"/>
        <source>Import a folder</source>
        <translation>Импорт папки</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="344"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="345"/>
        <source>An import is already running; wait for it to finish or cancel it.</source>
        <translation>Импорт уже идёт; дождитесь конца или отмените его.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="162"/>
        <source>&amp;Map</source>
        <translation>&amp;Карта</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../map_panel.py" line="58"/>
        <source>Zoom in</source>
        <translation>Приблизить</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="59"/>
        <source>Zoom out</source>
        <translation>Отдалить</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="61"/>
        <source>Show all points</source>
        <translation>Показать все точки</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="62"/>
        <source>Whole world</source>
        <translation>Весь мир</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="64"/>
        <source>Copy coordinates</source>
        <translation>Копировать координаты</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="65"/>
        <source>Open in a map service…</source>
        <translation>Открыть в картографическом сервисе…</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="67"/>
        <source>Tiles from a server…</source>
        <translation>Тайлы с сервера…</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="70"/>
        <source>A detailed background map from a tile server you name, after you agree: off by default</source>
        <translation>Подробная подложка карты с указанного вами сервера тайлов, только с вашего согласия; по умолчанию выключена</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="122"/>
        <source>No item in this view has a location.</source>
        <translation>Ни у одного объекта в этом списке нет места съёмки.</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="124"/>
        <source>%1 item(s) with a location. Drag to move, wheel or +/− to zoom, click a point to select its item; a circle with a number stands for items close together: click it to select them, double-click to zoom in.</source>
        <translation>Объектов с местоположением: %1. Перетаскивайте карту, масштаб — колесом или +/−, щелчок по точке выбирает её объект; кружок с числом обозначает близко расположенные объекты: щелчок выбирает их, двойной щелчок приближает.</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="130"/>
        <source>Drawn offline: no map service is contacted.</source>
        <translation>Карта нарисована без сети: ни к какому картографическому сервису обращений нет.</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="132"/>
        <source>Background tiles from %1, which sees the areas you look at.</source>
        <translation>Подложка загружается с %1: этот сервер видит, какие области вы просматриваете.</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="140"/>
        <source>Map data © OpenStreetMap contributors.</source>
        <translation>Картографические данные © участники OpenStreetMap.</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="141"/>
        <source>The tiles and their map data belong to %1 or its sources, on its terms.</source>
        <translation>Фрагменты карты и их данные принадлежат %1 или его источникам, на его условиях.</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="206"/>
        <source>Open in a map service?</source>
        <translation>Открыть в картографическом сервисе?</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="207"/>
        <source>This opens OpenStreetMap (openstreetmap.org) in your web browser at %1. The service, and anyone who can watch your network, will learn this place. Open it?</source>
        <translation>В браузере откроется OpenStreetMap (openstreetmap.org) в точке %1. Это место узнает сервис и любой, кто может наблюдать за вашей сетью. Открыть?</translation>
    </message>
    <message>
        <location filename="../map_panel.py" line="212"/>
        <source>Open the web map</source>
        <translation>Открыть веб-карту</translation>
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
    <name>MetadataView</name>
    <message>
        <location filename="../metadata_view.py" line="52"/>
        <location filename="../metadata_view.py" line="109"/>
        <source>Show raw tags</source>
        <translation>Показать исходные теги</translation>
    </message>
    <message>
        <location filename="../metadata_view.py" line="57"/>
        <source>All metadata…</source>
        <translation>Все метаданные…</translation>
    </message>
    <message>
        <location filename="../metadata_view.py" line="58"/>
        <source>Every tag found in the original, grouped as ExifTool groups them</source>
        <translation>Все теги, найденные в оригинале, сгруппированные так же, как в ExifTool</translation>
    </message>
    <message>
        <location filename="../metadata_view.py" line="91"/>
        <source>Cannot read the metadata</source>
        <translation>Не удалось прочитать метаданные</translation>
    </message>
    <message>
        <location filename="../metadata_view.py" line="109"/>
        <source>Show readable labels</source>
        <translation>Показать понятные подписи</translation>
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
        <location filename="../preferences_dialog.py" line="35"/>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="38"/>
        <source>The name recorded as who acted, in this vault&apos;s custody record. Empty: your login name.</source>
        <translation>Имя, под которым действия записываются в журнал хранения этого хранилища. Пусто: имя входа в систему.</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="42"/>
        <source>Your name (this vault)</source>
        <translation>Ваше имя (это хранилище)</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="47"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="48"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="50"/>
        <source>Lock after idle time</source>
        <translation>Блокировать при бездействии</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="52"/>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="56"/>
        <source>Language (after a restart)</source>
        <translation>Язык (после перезапуска)</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="57"/>
        <source>Remember recently opened vaults</source>
        <translation>Помнить недавно открытые хранилища</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="59"/>
        <source>The list of vault folders is kept in the app&apos;s settings, outside any vault.</source>
        <translation>Список папок хранилищ хранится в настройках программы, вне хранилищ.</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="64"/>
        <source>The address template last agreed to on the map. Tiles are fetched only after you agree again; empty: none remembered.</source>
        <translation>Шаблон адреса, на который вы в последний раз согласились на карте. Тайлы загружаются только после нового согласия; пусто — ничего не запомнено.</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="67"/>
        <source>Map tile server</source>
        <translation>Сервер тайлов карты</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="79"/>
        <source>Name not saved</source>
        <translation>Имя не сохранено</translation>
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
        <location filename="../search_panel.py" line="58"/>
        <source>Any kind</source>
        <translation>Любой тип</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="62"/>
        <source>Captured between</source>
        <translation>Снято между</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="105"/>
        <source>Any case</source>
        <translation>Любое дело</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="135"/>
        <source>Searching for %1…</source>
        <translation>Поиск: %1…</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="157"/>
        <source>%1 of %2 results for %3 (scroll for more)</source>
        <translation>%1 из %2 результатов по запросу %3 (прокрутите, чтобы увидеть ещё)</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="160"/>
        <source>%1 result(s) for %2</source>
        <translation>Найдено: %1 по запросу %2</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../search_model.py" line="68"/>
        <source>Item</source>
        <translation>Материал</translation>
    </message>
    <message>
        <location filename="../search_model.py" line="68"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../search_model.py" line="68"/>
        <source>At</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../search_model.py" line="68"/>
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <location filename="../sidebar_model.py" line="61"/>
        <source>All items</source>
        <translation>Все материалы</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="62"/>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="63"/>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="64"/>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="65"/>
        <source>Transcripts</source>
        <translation>Расшифровки</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="66"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="67"/>
        <source>Recently imported</source>
        <translation>Недавно принятые</translation>
    </message>
    <message>
        <location filename="../sidebar_model.py" line="73"/>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../start_window.py" line="59"/>
        <source>Recent vaults</source>
        <translation>Недавние хранилища</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="63"/>
        <source>Create a new vault…</source>
        <translation>Создать хранилище…</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="65"/>
        <source>Open another vault…</source>
        <translation>Открыть другое хранилище…</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="71"/>
        <location filename="../start_window.py" line="83"/>
        <source>Unlock</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="73"/>
        <location filename="../start_window.py" line="123"/>
        <source>Choose a vault on the left.</source>
        <translation>Выберите хранилище слева.</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="80"/>
        <source>Use the recovery key instead</source>
        <translation>Использовать ключ восстановления</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="89"/>
        <source>Deriving the key…</source>
        <translation>Вычисляется ключ…</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="124"/>
        <source>%1 is not a Strongroom vault.</source>
        <translation>%1 — не хранилище Strongroom.</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="141"/>
        <source>Open a vault folder</source>
        <translation>Открыть папку хранилища</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="159"/>
        <source>Recovery key (groups of four letters and digits)</source>
        <translation>Ключ восстановления (группы из четырёх букв и цифр)</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="160"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../start_window.py" line="209"/>
        <source>The vault could not be opened.</source>
        <translation>Не удалось открыть хранилище.</translation>
    </message>
</context>
<context>
    <name>TileConsentDialog</name>
    <message>
        <location filename="../tile_consent.py" line="24"/>
        <source>Load map tiles from a server?</source>
        <translation>Загружать тайлы карты с сервера?</translation>
    </message>
    <message>
        <location filename="../tile_consent.py" line="27"/>
        <source>The map is drawn offline from data shipped with Strongroom. For a detailed background it can download map images (tiles) from a tile server you name here, with {z}, {x} and {y} where the tile&apos;s zoom, column and row go.</source>
        <translation>Карта рисуется без сети по данным, поставляемым со Strongroom. Для подробной подложки можно загружать изображения карты (тайлы) с сервера тайлов, который вы укажете здесь; на месте масштаба, столбца и строки тайла поставьте {z}, {x} и {y}.</translation>
    </message>
    <message>
        <location filename="../tile_consent.py" line="42"/>
        <source>Load tiles from this server</source>
        <translation>Загружать тайлы с этого сервера</translation>
    </message>
    <message>
        <location filename="../tile_consent.py" line="44"/>
        <source>Keep the map offline</source>
        <translation>Оставить карту без сети</translation>
    </message>
    <message>
        <location filename="../tile_consent.py" line="59"/>
        <source>Give the address of a tile server, for example %1.</source>
        <translation>Укажите адрес сервера тайлов, например %1.</translation>
    </message>
    <message>
        <location filename="../tile_consent.py" line="63"/>
        <source>What is sent, and to whom: every tile request goes to %1 and tells it the tile&apos;s zoom, column and row, that is the area of the map you are looking at and how closely, together with this computer&apos;s network address (IP). The server, and anyone who can watch your network, may keep this: looking at the places of your evidence reveals them. No item, name or point is sent. Tiles are kept in memory only and forgotten when the tiles are turned off or the vault locks; you are asked again after the next unlock.</source>
        <translation>Что отправляется и кому: каждый запрос тайла уходит на %1 и сообщает масштаб, столбец и строку тайла, то есть какую область карты вы смотрите и насколько подробно, а также сетевой адрес (IP) этого компьютера. Сервер и любой, кто может наблюдать за вашей сетью, могут это сохранить: просматривая места, где собраны материалы, вы их раскрываете. Объекты, имена и точки не отправляются. Тайлы хранятся только в памяти и забываются, когда подложка выключена или хранилище заблокировано; после следующего открытия хранилища вопрос будет задан снова.</translation>
    </message>
    <message>
        <location filename="../tile_consent.py" line="71"/>
        <source>This address is not encrypted (http): the requests and the tiles can be read on the way.</source>
        <translation>Этот адрес не шифруется (http): запросы и тайлы можно прочитать по пути.</translation>
    </message>
</context>
<context>
    <name>TrustBanner</name>
    <message>
        <location filename="../trust_banner.py" line="53"/>
        <source>I have seen this</source>
        <translation>Я это видел(а)</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="54"/>
        <source>The witnesses will follow the vault as it is now; changes and search come back.</source>
        <translation>Свидетели будут следовать хранилищу в его нынешнем виде; изменения и поиск снова станут доступны.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="57"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="75"/>
        <source>This vault was put back from an older copy: items and custody events recorded later are missing.</source>
        <translation>Это хранилище заменено более старой копией: записанные позже материалы и события журнала хранения отсутствуют.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="78"/>
        <source>Changes and search wait until you confirm that you have seen this. Until then it is shown at every unlock.</source>
        <translation>Изменения и поиск недоступны, пока вы не подтвердите, что видели это предупреждение. До тех пор оно показывается при каждом открытии.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="82"/>
        <source>The vault&apos;s outside checks need attention.</source>
        <translation>Внешние проверки хранилища требуют внимания.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="83"/>
        <source>Unlocking found something you should know.</source>
        <translation>При открытии обнаружено то, о чём вам нужно знать.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="99"/>
        <source>an unknown place</source>
        <translation>неизвестное место</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="102"/>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="105"/>
        <source>The witness at %1 (%2 custody events, written %3) remembers more than the vault holds: %4 event(s) are missing.</source>
        <translation>Свидетель в %1 (событий журнала хранения: %2, записан %3) помнит больше, чем есть в хранилище: недостаёт событий: %4.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="110"/>
        <source>The witness at %1 (%2 custody events, written %3) does not match the vault&apos;s custody log: history up to event %2 was removed or rewritten.</source>
        <translation>Свидетель в %1 (событий журнала хранения: %2, записан %3) не совпадает с журналом хранения: история до события %2 удалена или переписана.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="114"/>
        <source>A pack file is older than the catalog (the catalog matches the witness at %1, %2 custody events, written %3); verify lists the items it affects.</source>
        <translation>Файл пакета старше каталога (каталог совпадает со свидетелем в %1, событий: %2, записан %3); проверка покажет затронутые материалы.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="119"/>
        <source>The witness at %1 is not a checkpoint of this vault.</source>
        <translation>Свидетель в %1 не является контрольной точкой этого хранилища.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="122"/>
        <source>The witness at %1 cannot be read (damaged, or sealed by another vault).</source>
        <translation>Свидетель в %1 не читается (повреждён или запечатан другим хранилищем).</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="125"/>
        <source>The witness in %1 could not be written; the change itself was kept.</source>
        <translation>Свидетель в %1 не удалось записать; само изменение сохранено.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="128"/>
        <source>The time-stamp of checkpoint %1 waits to be sent to %2.</source>
        <translation>Метка времени контрольной точки %1 ждёт отправки в %2.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="130"/>
        <source>The time-stamp of checkpoint %1 was refused by %2.</source>
        <translation>%2 отказал в метке времени для контрольной точки %1.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="137"/>
        <source>An interrupted export left decrypted files in %1, which cannot be reached now (is its disk attached?). They are removed at the next unlock that finds them; or delete that folder.</source>
        <translation>Прерванный экспорт оставил расшифрованные файлы в %1, но сейчас эта папка недоступна (подключён ли её диск?). Они будут удалены при следующем открытии, которое их найдёт; или удалите эту папку сами.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="142"/>
        <source>An interrupted export left decrypted files in %1 that could not be removed: delete that folder.</source>
        <translation>Прерванный экспорт оставил в %1 расшифрованные файлы, которые не удалось удалить: удалите эту папку.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="145"/>
        <source>An export to %1 was interrupted. The decrypted files it had written were removed, and nothing of it was recorded in the custody log.</source>
        <translation>Экспорт в %1 был прерван. Записанные им расшифрованные файлы удалены, и в журнал хранения ничего из него не попало.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="149"/>
        <source>An export was interrupted after it was recorded in the custody log; its complete package was put in place: %1</source>
        <translation>Экспорт был прерван уже после записи в журнал хранения; его полный пакет помещён на место: %1</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="153"/>
        <source>%1 interrupted export(s) may have left decrypted files beside their target folder; they are removed when the vault is next opened on writable media.</source>
        <translation>Прерванные экспорты (%1) могли оставить расшифрованные файлы рядом с папкой назначения; они будут удалены, когда хранилище в следующий раз откроется на носителе, доступном для записи.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="157"/>
        <source>The search index was damaged and could not be read; it is being rebuilt from the catalog. The originals are not affected.</source>
        <translation>Поисковый индекс повреждён и не читается; он перестраивается по каталогу. Оригиналы не затронуты.</translation>
    </message>
    <message>
        <location filename="../trust_banner.py" line="167"/>
        <source>Not acknowledged</source>
        <translation>Подтверждение не принято</translation>
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
        <location filename="../viewer_window.py" line="70"/>
        <source>This photo cannot be shown: %1</source>
        <translation>Фото не удаётся показать: %1</translation>
    </message>
    <message>
        <location filename="../viewer_window.py" line="73"/>
        <source>Fit</source>
        <translation>По размеру окна</translation>
    </message>
    <message>
        <location filename="../viewer_window.py" line="75"/>
        <source>Actual size</source>
        <translation>Исходный размер</translation>
    </message>
    <message>
        <location filename="../viewer_window.py" line="76"/>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <location filename="../viewer_window.py" line="78"/>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <location filename="../viewer_window.py" line="133"/>
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
        <location filename="../error_messages.py" line="17"/>
        <source>Cancelled. Nothing half-done was kept.</source>
        <translation>Отменено. Ничего недоделанного не сохранено.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="19"/>
        <source>Wrong passphrase. Nothing was changed; try again.</source>
        <translation>Неверная парольная фраза. Ничего не изменено; попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="22"/>
        <source>That recovery key does not open this vault. Nothing was changed.</source>
        <translation>Этот ключ восстановления не открывает это хранилище. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="25"/>
        <source>Another Strongroom window or command has this vault open. Close it, then try again.</source>
        <translation>Это хранилище уже открыто в другом окне или команде Strongroom. Закройте его и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="28"/>
        <source>This vault is open read-only (read-only media or a write-blocked copy). Nothing can be changed or recorded; viewing, searching and checking work.</source>
        <translation>Хранилище открыто только для чтения (носитель только для чтения или копия с блокировкой записи). Ничего нельзя изменить или записать; просмотр, поиск и проверка работают.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="32"/>
        <source>The vault is locked. Unlock it, then try again.</source>
        <translation>Хранилище заперто. Откройте его и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="35"/>
        <source>This folder is not a Strongroom vault.</source>
        <translation>Эта папка не является хранилищем Strongroom.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="37"/>
        <source>There is already a vault in this folder.</source>
        <translation>В этой папке уже есть хранилище.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="39"/>
        <source>This vault was made by a newer version of Strongroom. Update Strongroom to open it.</source>
        <translation>Это хранилище создано более новой версией Strongroom. Обновите Strongroom, чтобы открыть его.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="42"/>
        <source>This vault was put back from an older copy. Nothing was changed: confirm the red warning at the top of the window first.</source>
        <translation>Это хранилище заменено более старой копией. Ничего не изменено: сначала подтвердите красное предупреждение вверху окна.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="46"/>
        <source>The check found damage. The details say what is affected.</source>
        <translation>Проверка обнаружила повреждения. Подробности — что именно затронуто.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="49"/>
        <source>Stored data failed its check: the vault is damaged. Nothing was changed. Restore it from a backup copy.</source>
        <translation>Сохранённые данные не прошли проверку: хранилище повреждено. Ничего не изменено. Восстановите его из резервной копии.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="53"/>
        <source>The disk is full. Nothing half-done was kept and nothing stored was damaged; free some space and try again.</source>
        <translation>Диск заполнен. Ничего недоделанного не сохранено, сохранённое не повреждено; освободите место и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="57"/>
        <source>The request could not be understood.</source>
        <translation>Запрос не удалось понять.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="59"/>
        <source>What was chosen cannot be used; the details say why.</source>
        <translation>Выбранное нельзя использовать; причина — в подробностях.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="62"/>
        <source>The operation could not be done. Nothing half-done was kept.</source>
        <translation>Операцию выполнить не удалось. Ничего недоделанного не сохранено.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="65"/>
        <source>Strongroom may not read or write there (no permission).</source>
        <translation>Strongroom не может читать или записывать там (нет прав доступа).</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="68"/>
        <source>A file or folder it needs is not there.</source>
        <translation>Нужного файла или папки нет на месте.</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="70"/>
        <source>A file could not be read or written (the disk is full, removed, or failing).</source>
        <translation>Не удалось прочитать или записать файл (диск заполнен, отключён или неисправен).</translation>
    </message>
    <message>
        <location filename="../error_messages.py" line="80"/>
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
        <location filename="../playback.py" line="43"/>
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
