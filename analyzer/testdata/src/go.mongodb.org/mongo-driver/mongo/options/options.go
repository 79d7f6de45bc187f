// Package options is a test stub of go.mongodb.org/mongo-driver/mongo/options.
package options

import "time"

type Collation struct {
	Locale          string `bson:",omitempty"`
	CaseLevel       bool   `bson:",omitempty"`
	CaseFirst       string `bson:",omitempty"`
	Strength        int    `bson:",omitempty"`
	NumericOrdering bool   `bson:",omitempty"`
	Alternate       string `bson:",omitempty"`
	MaxVariable     string `bson:",omitempty"`
	Normalization   bool   `bson:",omitempty"`
	Backwards       bool   `bson:",omitempty"`
}

type ArrayFilters struct {
	Filters []interface{}
}

type CursorType int8

const (
	NonTailable CursorType = iota
	Tailable
	TailableAwait
)

type ReturnDocument int8

const (
	Before ReturnDocument = iota
	After
)

// Client, database and collection options.

type ClientOptions struct{}

func Client() *ClientOptions { return &ClientOptions{} }

func (c *ClientOptions) ApplyURI(uri string) *ClientOptions { return c }

type DatabaseOptions struct{}

func Database() *DatabaseOptions { return &DatabaseOptions{} }

type CollectionOptions struct{}

func Collection() *CollectionOptions { return &CollectionOptions{} }

// Update.

type UpdateOptions struct {
	ArrayFilters             *ArrayFilters
	BypassDocumentValidation *bool
	Collation                *Collation
	Comment                  interface{}
	Hint                     interface{}
	Upsert                   *bool
	Let                      interface{}
	BypassEmptyTsReplacement *bool
}

func Update() *UpdateOptions { return &UpdateOptions{} }

func (uo *UpdateOptions) SetArrayFilters(af ArrayFilters) *UpdateOptions { return uo }

func (uo *UpdateOptions) SetBypassDocumentValidation(b bool) *UpdateOptions { return uo }

func (uo *UpdateOptions) SetCollation(c *Collation) *UpdateOptions { return uo }

func (uo *UpdateOptions) SetComment(comment interface{}) *UpdateOptions { return uo }

func (uo *UpdateOptions) SetHint(h interface{}) *UpdateOptions { return uo }

func (uo *UpdateOptions) SetUpsert(b bool) *UpdateOptions { return uo }

func (uo *UpdateOptions) SetLet(l interface{}) *UpdateOptions { return uo }

// Replace.

type ReplaceOptions struct {
	BypassDocumentValidation *bool
	Collation                *Collation
	Comment                  interface{}
	Hint                     interface{}
	Upsert                   *bool
	Let                      interface{}
	BypassEmptyTsReplacement *bool
}

func Replace() *ReplaceOptions { return &ReplaceOptions{} }

func (ro *ReplaceOptions) SetBypassDocumentValidation(b bool) *ReplaceOptions { return ro }

func (ro *ReplaceOptions) SetCollation(c *Collation) *ReplaceOptions { return ro }

func (ro *ReplaceOptions) SetComment(comment interface{}) *ReplaceOptions { return ro }

func (ro *ReplaceOptions) SetHint(h interface{}) *ReplaceOptions { return ro }

func (ro *ReplaceOptions) SetUpsert(b bool) *ReplaceOptions { return ro }

func (ro *ReplaceOptions) SetLet(l interface{}) *ReplaceOptions { return ro }

// FindOneAndUpdate.

type FindOneAndUpdateOptions struct {
	ArrayFilters             *ArrayFilters
	BypassDocumentValidation *bool
	Collation                *Collation
	Comment                  interface{}
	MaxTime                  *time.Duration
	Projection               interface{}
	ReturnDocument           *ReturnDocument
	Sort                     interface{}
	Upsert                   *bool
	Hint                     interface{}
	Let                      interface{}
	BypassEmptyTsReplacement *bool
}

func FindOneAndUpdate() *FindOneAndUpdateOptions { return &FindOneAndUpdateOptions{} }

func (f *FindOneAndUpdateOptions) SetBypassDocumentValidation(b bool) *FindOneAndUpdateOptions {
	return f
}

func (f *FindOneAndUpdateOptions) SetArrayFilters(filters ArrayFilters) *FindOneAndUpdateOptions {
	return f
}

func (f *FindOneAndUpdateOptions) SetCollation(collation *Collation) *FindOneAndUpdateOptions {
	return f
}

func (f *FindOneAndUpdateOptions) SetComment(comment interface{}) *FindOneAndUpdateOptions {
	return f
}

func (f *FindOneAndUpdateOptions) SetMaxTime(d time.Duration) *FindOneAndUpdateOptions { return f }

func (f *FindOneAndUpdateOptions) SetProjection(projection interface{}) *FindOneAndUpdateOptions {
	return f
}

func (f *FindOneAndUpdateOptions) SetReturnDocument(rd ReturnDocument) *FindOneAndUpdateOptions {
	return f
}

func (f *FindOneAndUpdateOptions) SetSort(sort interface{}) *FindOneAndUpdateOptions { return f }

func (f *FindOneAndUpdateOptions) SetUpsert(b bool) *FindOneAndUpdateOptions { return f }

func (f *FindOneAndUpdateOptions) SetHint(hint interface{}) *FindOneAndUpdateOptions { return f }

func (f *FindOneAndUpdateOptions) SetLet(let interface{}) *FindOneAndUpdateOptions { return f }

// FindOneAndReplace.

type FindOneAndReplaceOptions struct {
	BypassDocumentValidation *bool
	Collation                *Collation
	Comment                  interface{}
	MaxTime                  *time.Duration
	Projection               interface{}
	ReturnDocument           *ReturnDocument
	Sort                     interface{}
	Upsert                   *bool
	Hint                     interface{}
	Let                      interface{}
	BypassEmptyTsReplacement *bool
}

func FindOneAndReplace() *FindOneAndReplaceOptions { return &FindOneAndReplaceOptions{} }

func (f *FindOneAndReplaceOptions) SetBypassDocumentValidation(b bool) *FindOneAndReplaceOptions {
	return f
}

func (f *FindOneAndReplaceOptions) SetCollation(collation *Collation) *FindOneAndReplaceOptions {
	return f
}

func (f *FindOneAndReplaceOptions) SetComment(comment interface{}) *FindOneAndReplaceOptions {
	return f
}

func (f *FindOneAndReplaceOptions) SetMaxTime(d time.Duration) *FindOneAndReplaceOptions { return f }

func (f *FindOneAndReplaceOptions) SetProjection(projection interface{}) *FindOneAndReplaceOptions {
	return f
}

func (f *FindOneAndReplaceOptions) SetReturnDocument(rd ReturnDocument) *FindOneAndReplaceOptions {
	return f
}

func (f *FindOneAndReplaceOptions) SetSort(sort interface{}) *FindOneAndReplaceOptions { return f }

func (f *FindOneAndReplaceOptions) SetUpsert(b bool) *FindOneAndReplaceOptions { return f }

func (f *FindOneAndReplaceOptions) SetHint(hint interface{}) *FindOneAndReplaceOptions { return f }

func (f *FindOneAndReplaceOptions) SetLet(let interface{}) *FindOneAndReplaceOptions { return f }

// FindOne and Find.

type FindOneOptions struct {
	AllowPartialResults *bool
	BatchSize           *int32
	Collation           *Collation
	Comment             *string
	CursorType          *CursorType
	Hint                interface{}
	Max                 interface{}
	MaxAwaitTime        *time.Duration
	MaxTime             *time.Duration
	Min                 interface{}
	NoCursorTimeout     *bool
	OplogReplay         *bool
	Projection          interface{}
	ReturnKey           *bool
	ShowRecordID        *bool
	Skip                *int64
	Snapshot            *bool
	Sort                interface{}
}

func FindOne() *FindOneOptions { return &FindOneOptions{} }

func (f *FindOneOptions) SetCollation(collation *Collation) *FindOneOptions { return f }

func (f *FindOneOptions) SetHint(hint interface{}) *FindOneOptions { return f }

func (f *FindOneOptions) SetProjection(projection interface{}) *FindOneOptions { return f }

func (f *FindOneOptions) SetSkip(i int64) *FindOneOptions { return f }

func (f *FindOneOptions) SetSort(sort interface{}) *FindOneOptions { return f }

type FindOptions struct {
	AllowDiskUse        *bool
	AllowPartialResults *bool
	BatchSize           *int32
	Collation           *Collation
	Comment             *string
	CursorType          *CursorType
	Hint                interface{}
	Limit               *int64
	Max                 interface{}
	MaxAwaitTime        *time.Duration
	MaxTime             *time.Duration
	Min                 interface{}
	NoCursorTimeout     *bool
	OplogReplay         *bool
	Projection          interface{}
	ReturnKey           *bool
	ShowRecordID        *bool
	Skip                *int64
	Snapshot            *bool
	Sort                interface{}
	Let                 interface{}
}

func Find() *FindOptions { return &FindOptions{} }

func (f *FindOptions) SetAllowDiskUse(b bool) *FindOptions { return f }

func (f *FindOptions) SetBatchSize(i int32) *FindOptions { return f }

func (f *FindOptions) SetCollation(collation *Collation) *FindOptions { return f }

func (f *FindOptions) SetHint(hint interface{}) *FindOptions { return f }

func (f *FindOptions) SetLimit(i int64) *FindOptions { return f }

func (f *FindOptions) SetProjection(projection interface{}) *FindOptions { return f }

func (f *FindOptions) SetSkip(i int64) *FindOptions { return f }

func (f *FindOptions) SetSort(sort interface{}) *FindOptions { return f }

// Insert.

type InsertOneOptions struct {
	BypassDocumentValidation *bool
	Comment                  interface{}
	BypassEmptyTsReplacement *bool
}

func InsertOne() *InsertOneOptions { return &InsertOneOptions{} }

func (ioo *InsertOneOptions) SetBypassDocumentValidation(b bool) *InsertOneOptions { return ioo }

func (ioo *InsertOneOptions) SetComment(comment interface{}) *InsertOneOptions { return ioo }

type InsertManyOptions struct {
	BypassDocumentValidation *bool
	Comment                  interface{}
	Ordered                  *bool
	BypassEmptyTsReplacement *bool
}

func InsertMany() *InsertManyOptions { return &InsertManyOptions{} }

func (imo *InsertManyOptions) SetBypassDocumentValidation(b bool) *InsertManyOptions { return imo }

func (imo *InsertManyOptions) SetComment(comment interface{}) *InsertManyOptions { return imo }

func (imo *InsertManyOptions) SetOrdered(b bool) *InsertManyOptions { return imo }

// Delete.

type DeleteOptions struct {
	Collation *Collation
	Comment   interface{}
	Hint      interface{}
	Let       interface{}
}

func Delete() *DeleteOptions { return &DeleteOptions{} }

func (do *DeleteOptions) SetCollation(c *Collation) *DeleteOptions { return do }

func (do *DeleteOptions) SetComment(comment interface{}) *DeleteOptions { return do }

func (do *DeleteOptions) SetHint(hint interface{}) *DeleteOptions { return do }

func (do *DeleteOptions) SetLet(let interface{}) *DeleteOptions { return do }

// Count.

type CountOptions struct {
	Collation *Collation
	Comment   *string
	Hint      interface{}
	Limit     *int64
	MaxTime   *time.Duration
	Skip      *int64
}

func Count() *CountOptions { return &CountOptions{} }

func (co *CountOptions) SetCollation(c *Collation) *CountOptions { return co }

func (co *CountOptions) SetComment(c string) *CountOptions { return co }

func (co *CountOptions) SetHint(h interface{}) *CountOptions { return co }

func (co *CountOptions) SetLimit(i int64) *CountOptions { return co }

func (co *CountOptions) SetMaxTime(d time.Duration) *CountOptions { return co }

func (co *CountOptions) SetSkip(i int64) *CountOptions { return co }

// BulkWrite.

type BulkWriteOptions struct {
	BypassDocumentValidation *bool
	Comment                  interface{}
	Ordered                  *bool
	Let                      interface{}
	BypassEmptyTsReplacement *bool
}

func BulkWrite() *BulkWriteOptions { return &BulkWriteOptions{} }

func (b *BulkWriteOptions) SetComment(comment interface{}) *BulkWriteOptions { return b }

func (b *BulkWriteOptions) SetOrdered(ordered bool) *BulkWriteOptions { return b }

func (b *BulkWriteOptions) SetBypassDocumentValidation(bypass bool) *BulkWriteOptions { return b }

func (b *BulkWriteOptions) SetLet(let interface{}) *BulkWriteOptions { return b }

// Sessions and transactions.

type SessionOptions struct {
	CausalConsistency    *bool
	DefaultMaxCommitTime *time.Duration
	Snapshot             *bool
}

func Session() *SessionOptions { return &SessionOptions{} }

func (s *SessionOptions) SetCausalConsistency(b bool) *SessionOptions { return s }

func (s *SessionOptions) SetDefaultMaxCommitTime(mct *time.Duration) *SessionOptions { return s }

func (s *SessionOptions) SetSnapshot(b bool) *SessionOptions { return s }

type TransactionOptions struct {
	MaxCommitTime *time.Duration
}

func Transaction() *TransactionOptions { return &TransactionOptions{} }

func (t *TransactionOptions) SetMaxCommitTime(mct *time.Duration) *TransactionOptions { return t }

// FindOneAndDelete.

type FindOneAndDeleteOptions struct {
	Collation  *Collation
	Comment    interface{}
	MaxTime    *time.Duration
	Projection interface{}
	Sort       interface{}
	Hint       interface{}
	Let        interface{}
}

func FindOneAndDelete() *FindOneAndDeleteOptions { return &FindOneAndDeleteOptions{} }
